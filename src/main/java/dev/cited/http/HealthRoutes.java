package dev.cited.http;

import dev.cited.collection.LiveCollection;
import dev.cited.conversation.ConversationService;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /health (what is loaded), /health/live (the process answers) and /health/ready (questions can be
 * answered: the collection has been read and indexed once, and the server is not shutting down).
 */
final class HealthRoutes {
    private final ConversationService conversations;
    private final LiveCollection collection;
    private volatile boolean stopping;

    HealthRoutes(ConversationService conversations, LiveCollection collection) {
        this.conversations = conversations;
        this.collection = collection;
    }

    /** From now on /health/ready says "stopping" (503), so a load balancer sends no new work here. */
    void stopping() {
        stopping = true;
    }

    void health(Context ctx) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("documents", collection.index().documents().size());
        health.put("passages", collection.index().passageCount());
        health.put("model", conversations.modelName());
        health.put("version", dev.cited.build.Version.version());
        health.put("commit", dev.cited.build.Version.commit());
        health.put("ingest", collection.progress());
        ctx.json(health);
    }

    void live(Context ctx) {
        ctx.json(Map.of("status", "live"));
    }

    void ready(Context ctx) {
        if (stopping) {
            ctx.status(503).json(ApiErrors.body("stopping", "Cited is shutting down: send new questions elsewhere."));
            return;
        }
        // The index answers (with BM25 at least) from the first refresh on; later refreshes keep a snapshot.
        if (collection.version() == 0) {
            ctx.status(503).json(ApiErrors.body("starting", "Cited is still reading and indexing the documents."));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ready");
        body.put("ingest", collection.progress().state());
        ctx.json(body);
    }
}
