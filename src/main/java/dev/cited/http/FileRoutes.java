package dev.cited.http;

import dev.cited.document.FileReport;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET /api/files: every file found in the documents folder, indexed, skipped or failed, with the reason. */
final class FileRoutes {
    private final List<Map<String, Object>> files;
    private final Map<String, Long> counts;

    FileRoutes(List<FileReport> reports, Map<String, Integer> passages) {
        this.files = reports.stream().map(r -> json(r, passages)).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FileReport.Status status : FileReport.Status.values()) {
            counts.put(status.label(), reports.stream().filter(r -> r.status() == status).count());
        }
        this.counts = counts;
    }

    void files(Context ctx) {
        ctx.json(Map.of("counts", counts, "files", files));
    }

    private static Map<String, Object> json(FileReport r, Map<String, Integer> passages) {
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
