package dev.cited.document;

import java.util.List;

/** What a documents folder holds: the documents served, and a report on every file found. */
public record Library(List<Document> documents, List<FileReport> files) {
    public Library {
        documents = List.copyOf(documents);
        files = List.copyOf(files);
    }
}
