package dev.cited.http;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** GET /metrics: every meter of the registry in the Prometheus text format. */
final class MetricsRoute {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsRoute(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void scrape(Context ctx) {
        ctx.header("Cache-Control", "no-store").contentType(CONTENT_TYPE).result(registry.scrape());
    }
}
