package dev.cited.http;

import dev.cited.document.Document;
import dev.cited.document.DocumentFormats;
import dev.cited.document.MarkdownLayout;
import dev.cited.document.MarkupSpan;
import dev.cited.index.PassageIndex;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The documents served: GET /api/documents, /api/documents/{id} and /api/documents/{id}/original. */
final class DocumentRoutes {
    private final PassageIndex index;
    private final CollectionListing listing;

    DocumentRoutes(PassageIndex index, CollectionListing listing) {
        this.index = index;
        this.listing = listing;
    }

    void documents(Context ctx) {
        ctx.json(listing.current().summaries().values());
    }

    void document(Context ctx) {
        Document document = find(ctx.pathParam("id"));
        Map<String, Object> summary = listing.current().summaries().get(document.id());
        if (summary == null) { // removed between the lookup and the listing
            throw ApiErrors.error(404, "document_not_found", "No document with id '" + document.id() + "'");
        }
        Map<String, Object> body = new LinkedHashMap<>(summary);
        body.put("pageStarts", document.pageStarts());
        body.put("text", document.text());
        if (MarkdownLayout.applies(document)) {
            body.put("layout", layout(MarkdownLayout.of(document)));
        }
        ctx.json(body);
    }

    /** {"kind": "heading", "start": 0, "end": 15, "level": 1}; "level" only for headings, "href" only for links. */
    private static List<Map<String, Object>> layout(List<MarkupSpan> spans) {
        return spans.stream().map(span -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", span.kind().name().toLowerCase(Locale.ROOT));
            json.put("start", span.start());
            json.put("end", span.end());
            if (span.kind() == MarkupSpan.Kind.HEADING) {
                json.put("level", span.level());
            }
            if (span.href() != null) {
                json.put("href", span.href());
            }
            return json;
        }).toList();
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
}
