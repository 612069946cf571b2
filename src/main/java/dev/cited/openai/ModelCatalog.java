package dev.cited.openai;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models {@code GET /v1/models} lists: one, {@value #MODEL_ID}, which is this server's pipeline with its
 * configured answerer (named in the extra {@code answerer} field: {@code extractive}, {@code openai:gpt-4o-mini},
 * ...). {@code owned_by} is {@code cited}: the answers are Cited's, whatever model drafts them. The id stays the
 * same when the answerer changes, so clients need no reconfiguring.
 */
final class ModelCatalog {
    static final String MODEL_ID = "cited";
    static final String OWNED_BY = "cited";

    private final String answerer;
    private final long created;

    ModelCatalog(String answerer, Instant started) {
        this.answerer = answerer;
        this.created = started.getEpochSecond();
    }

    boolean has(String id) {
        return MODEL_ID.equals(id);
    }

    List<String> ids() {
        return List.of(MODEL_ID);
    }

    /** OpenAI's model object, with the answerer behind it. */
    Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", MODEL_ID);
        model.put("object", "model");
        model.put("created", created);
        model.put("owned_by", OWNED_BY);
        model.put("answerer", answerer);
        return model;
    }

    Map<String, Object> list() {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", List.of(model()));
        return list;
    }
}
