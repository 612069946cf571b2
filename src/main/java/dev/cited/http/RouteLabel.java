package dev.cited.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/**
 * The route a request matched, as its template ({@code /api/documents/{id}}), never the raw path: metric labels
 * stay a handful however many documents or stray URLs are asked for.
 */
final class RouteLabel {
    /** A file of the web UI (served without a route). */
    static final String STATIC = "static";
    /** Nothing matched: unknown paths, and requests refused before routing. */
    static final String UNMATCHED = "unmatched";

    private RouteLabel() {
    }

    static String of(Context ctx) {
        Endpoint endpoint;
        try {
            endpoint = ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException e) {
            endpoint = null;
        }
        if (endpoint != null && endpoint.path != null && !endpoint.path.equals("*")) {
            return endpoint.path.replaceAll("<(\\w+)>", "{$1}");
        }
        int status = ctx.statusCode();
        return status < 400 ? STATIC : UNMATCHED;
    }
}
