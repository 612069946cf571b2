package dev.cited.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per request on the logger {@code dev.cited.access}: request id, method, route, path, status and
 * duration, as key-value pairs (fields of their own in the JSON log). Also feeds the request metrics, since
 * both want every request once it is answered, static files and errors included.
 */
final class AccessLog implements RequestLogger {
    private static final Logger LOG = LoggerFactory.getLogger("cited.requests");

    private final RequestMetrics metrics;

    AccessLog(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx, Float executionMillis) {
        try {
            String route = RouteLabel.of(ctx);
            String method = ctx.method().name();
            int status = ctx.statusCode();
            double millis = executionMillis == null ? 0 : executionMillis;
            metrics.record(method, route, status, (long) (millis * 1_000_000));
            // The path without its query: a search's words are the user's, not the log's.
            LOG.atInfo()
                    .addKeyValue("requestId", RequestIds.of(ctx))
                    .addKeyValue("method", method)
                    .addKeyValue("route", route)
                    .addKeyValue("path", ctx.path())
                    .addKeyValue("status", status)
                    .addKeyValue("durationMs", Math.round(millis * 10) / 10.0)
                    .log("{} {} {} {} ms", method, ctx.path(), status, Math.round(millis * 10) / 10.0);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
