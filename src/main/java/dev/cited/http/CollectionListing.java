package dev.cited.http;

import dev.cited.collection.LiveCollection;
import dev.cited.document.Document;
import dev.cited.document.FileReport;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collection as the API lists it: a summary of each document and a report on each file, worked out once
 * per change of the collection (not per request) and shared by /api/documents and /api/files.
 */
final class CollectionListing {
    private final LiveCollection collection;
    private volatile Listing current;

    /** One version of the collection, listed. */
    record Listing(long version, Map<String, Map<String, Object>> summaries, List<Map<String, Object>> files,
                   Map<String, Long> counts) {
    }

    CollectionListing(LiveCollection collection) {
        this.collection = collection;
    }

    Listing current() {
        Listing listing = current;
        long version = collection.version();
        if (listing == null || listing.version() != version) {
            listing = list(version);
            current = listing;
        }
        return listing;
    }

    private Listing list(long version) {
        List<FileReport> reports = collection.files();
        Map<String, Integer> passages = collection.index().passagesPerDocument(); // one walk, for both lists
        Map<String, Long> sizes = new HashMap<>();
        reports.stream().filter(f -> f.documentId() != null).forEach(f -> sizes.put(f.documentId(), f.size()));
        Map<String, Map<String, Object>> summaries = new LinkedHashMap<>();
        for (Document d : collection.index().documents()) {
            summaries.put(d.id(), summary(d, passages.getOrDefault(d.id(), 0), d.file() == null ? null : sizes.get(d.id())));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        collection.counts().forEach((status, n) -> counts.put(status.label(), n.longValue()));
        return new Listing(version, summaries, reports.stream().map(r -> file(r, passages)).toList(), counts);
    }

    private static Map<String, Object> summary(Document d, int passages, Long size) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("title", d.title());
        m.put("type", d.type());
        m.put("length", d.text().length());
        m.put("pages", d.pages() > 0 ? d.pages() : null);
        m.put("passages", passages);
        m.put("size", size);
        m.put("original", d.file() != null);
        return m;
    }

    private static Map<String, Object> file(FileReport r, Map<String, Integer> passages) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", r.path());
        m.put("status", r.status().label());
        m.put("reason", r.reason());
        m.put("documentId", r.documentId());
        m.put("type", r.type());
        m.put("size", r.size());
        m.put("pages", r.pages());
        m.put("passages", r.documentId() == null ? null : passages.getOrDefault(r.documentId(), 0));
        return m;
    }
}
