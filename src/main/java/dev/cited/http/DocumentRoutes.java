package dev.cited.http;

import dev.cited.document.Document;
import dev.cited.document.DocumentFormats;
import dev.cited.document.FileReport;
import dev.cited.index.PassageIndex;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The documents served: GET /api/documents, /api/documents/{id} and /api/documents/{id}/original. */
final class DocumentRoutes {
    private final PassageIndex index;
    /** Each document's summary, in the index's order: the index does not change while it is served. */
    private final Map<String, Map<String, Object>> summaries = new LinkedHashMap<>();

    /**
     * @param passages each document's passage count
     * @param files    the loader's report on every file, for the size it measured
     */
    DocumentRoutes(PassageIndex index, Map<String, Integer> passages, List<FileReport> files) {
        this.index = index;
        Map<String, Long> sizes = new HashMap<>();
        files.stream().filter(f -> f.documentId() != null).forEach(f -> sizes.put(f.documentId(), f.size()));
        for (Document d : index.documents()) {
            summaries.put(d.id(), summary(d, passages.getOrDefault(d.id(), 0), d.file() == null ? null : sizes.get(d.id())));
        }
    }

    void documents(Context ctx) {
        ctx.json(summaries.values());
    }

    void document(Context ctx) {
        Document document = find(ctx.pathParam("id"));
        Map<String, Object> body = new LinkedHashMap<>(summaries.get(document.id()));
        body.put("pageStarts", document.pageStarts());
        body.put("text", document.text());
        ctx.json(body);
    }

    /** The original file, with its media type, shown in the browser (a PDF opens at {@code #page=N}). */
    void original(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Document document = find(id);
        if (document.file() == null || !Files.isRegularFile(document.file())) {
            throw ApiErrors.error(404, "original_not_found", "Document '" + id + "' has no original file to show");
        }
        ctx.contentType(DocumentFormats.detect(document.file()));
        ctx.header("Content-Disposition", "inline; filename=\"" + document.file().getFileName().toString()
                .replaceAll("[\"\\\\\\r\\n]", "_") + "\"");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        try (InputStream in = Files.newInputStream(document.file())) {
            in.transferTo(ctx.res().getOutputStream());
        }
    }

    private Document find(String id) {
        // Looked up by id in memory: a path such as "../pom.xml" is just an unknown id.
        return index.document(id).orElseThrow(() ->
                ApiErrors.error(404, "document_not_found", "No document with id '" + id + "'"));
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
}
