package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;

/** Reads a JSON object body, turning every way it can be wrong into a clear 400/413/415. */
final class JsonBodies {
    /** Largest request body accepted, in bytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Largest oversized body still read to the end so that its sender reliably gets the 413. */
    private static final long MAX_DISCARD_BYTES = 4L * 1024 * 1024;

    private JsonBodies() {
    }

    static JsonNode object(Context ctx, ObjectMapper mapper) {
        if (!StrictJson.isJson(ctx.header("Content-Type"))) {
            // A web page elsewhere can post text/plain or a form without asking first; only JSON is taken.
            discardBody(ctx);
            throw ApiErrors.error(415, "unsupported_media_type",
                    "Send the body as JSON, with the header Content-Type: application/json");
        }
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            discardBody(ctx);
            throw ApiErrors.error(413, "payload_too_large", "The request body is over " + MAX_BODY_BYTES + " bytes");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            throw ApiErrors.error(413, "payload_too_large", "The request body is over " + MAX_BODY_BYTES + " bytes");
        }
        if (body.length == 0) {
            throw ApiErrors.badRequest("missing_body", "Send a JSON object body");
        }
        return StrictJson.object(mapper, body, reason -> ApiErrors.badRequest("invalid_json", reason));
    }


    /**
     * Reads and drops an oversized body (up to {@link #MAX_DISCARD_BYTES}) before the 413 goes out. Answering
     * while the client is still sending makes the server close a connection with unread bytes, and the client
     * may then see a reset instead of the JSON error.
     */
    private static void discardBody(Context ctx) {
        if (ctx.contentLength() > MAX_DISCARD_BYTES) {
            return; // not worth reading: the client gets the 413 if it is still listening
        }
        byte[] buffer = new byte[8192];
        try {
            InputStream in = ctx.req().getInputStream();
            while (in.read(buffer) != -1) {
                // drop
            }
        } catch (IOException e) {
            // the client went away; there is nobody left to answer
        }
    }

    /** An optional string field: absent or null gives null, any other non-string is a 400. */
    static String optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiErrors.badRequest("invalid_" + snake(field), "'" + field + "' must be a string");
        }
        return value.asText();
    }

    static String snake(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
