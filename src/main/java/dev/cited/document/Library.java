package dev.cited.document;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a documents folder holds: the documents served, a report on every file found, and how many files ended
 * in each status (counted once here, for the progress and the listing that ask for them on every request).
 */
public record Library(List<Document> documents, List<FileReport> files, Map<FileReport.Status, Integer> counts) {
    public Library {
        documents = List.copyOf(documents);
        files = List.copyOf(files);
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    public Library(List<Document> documents, List<FileReport> files) {
        this(documents, files, countsOf(files));
    }

    private static Map<FileReport.Status, Integer> countsOf(List<FileReport> files) {
        Map<FileReport.Status, Integer> counts = new EnumMap<>(FileReport.Status.class);
        for (FileReport.Status status : FileReport.Status.values()) {
            counts.put(status, 0);
        }
        files.forEach(f -> counts.merge(f.status(), 1, Integer::sum));
        return counts;
    }
}
