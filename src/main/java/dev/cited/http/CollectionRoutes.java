package dev.cited.http;

import dev.cited.collection.LiveCollection;
import dev.cited.collection.Uploads;
import dev.cited.document.FileReport;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changing the collection and following its indexing: POST /api/documents (multipart upload),
 * DELETE /api/documents/{id}, GET /api/ingest.
 */
final class CollectionRoutes {
    private final LiveCollection collection;
    private final Uploads uploads;

    CollectionRoutes(LiveCollection collection, Uploads uploads) {
        this.collection = collection;
        this.uploads = uploads;
    }

    void add(Context ctx) {
        Access.requireAdmin(ctx, "add documents");
        requireLocal(ctx);
        if (!ctx.isMultipartFormData()) {
            throw ApiErrors.error(415, "unsupported_media_type",
                    "Send the files as multipart/form-data, one part per file, named 'files'");
        }
        List<UploadedFile> sent;
        try {
            sent = ctx.uploadedFiles();
        } catch (Exception e) { // Jetty's multipart limits and malformed bodies (a ServletException, unchecked here)
            throw tooLarge(e)
                    ? ApiErrors.error(413, "too_large", "A file is over the size limit for uploads")
                    : ApiErrors.error(400, "bad_request", "The upload could not be read as multipart/form-data");
        }
        List<Uploads.IncomingFile> incoming = sent.stream()
                .map(f -> new Uploads.IncomingFile(f.filename(), f.size(), f::content)).toList();
        List<Uploads.Added> added;
        try {
            added = uploads.add(incoming);
        } catch (Uploads.Rejected rejected) {
            throw switch (rejected.kind()) {
                case TOO_LARGE -> ApiErrors.error(413, "too_large", rejected.getMessage());
                case UNSUPPORTED -> ApiErrors.error(415, "unsupported_type", rejected.getMessage());
                case BAD_REQUEST -> ApiErrors.error(400, "bad_request", rejected.getMessage());
            };
        }
        ctx.json(Map.of("files", added.stream().map(a -> json(a, collection)).toList()));
    }

    void delete(Context ctx) {
        Access.requireAdmin(ctx, "delete documents");
        requireLocal(ctx);
        String id = ctx.pathParam("id");
        uploads.delete(id).orElseThrow(() ->
                ApiErrors.error(404, "document_not_found", "No document with id '" + id + "'"));
        ctx.json(Map.of("deleted", id));
    }

    /** Whether Jetty refused a multipart body for its size (its message says which limit was exceeded). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("exceed") || message.contains("too large") || message.contains("max")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Until there is sign-in (and admins), the collection changes only at the request of the machine Cited
     * runs on: anyone else who reaches the port may ask, not add or remove files.
     */
    private static void requireLocal(Context ctx) {
        try {
            if (java.net.InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress()) {
                return;
            }
        } catch (java.net.UnknownHostException e) {
            // not an address: refused below
        }
        throw ApiErrors.error(403, "forbidden", "Files can be added or removed only from the machine Cited runs on "
                + "(there is no sign-in yet); copy them into the documents folder there instead");
    }

    void ingest(Context ctx) {
        ctx.json(collection.progress());
    }

    private static Map<String, Object> json(Uploads.Added added, LiveCollection collection) {
        FileReport r = added.report();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", added.name());
        m.put("path", r.path());
        m.put("status", r.status().label());
        m.put("reason", r.reason());
        m.put("documentId", r.documentId());
        m.put("title", r.documentId() == null ? null
                : collection.index().document(r.documentId()).map(d -> d.title()).orElse(null));
        return m;
    }
}
