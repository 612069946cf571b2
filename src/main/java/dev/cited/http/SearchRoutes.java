package dev.cited.http;

import dev.cited.retrieval.Retriever;
import dev.cited.retrieval.ScoredPassage;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Passage search: GET /api/search?q=…&k=…. */
final class SearchRoutes {
    static final int MAX_K = 50;
    static final int MAX_QUERY_LENGTH = 2000;

    private final Retriever retriever;

    SearchRoutes(Retriever retriever) {
        this.retriever = retriever;
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw ApiErrors.badRequest("missing_query", "Add a non-blank 'q' query parameter");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ApiErrors.error(413, "query_too_long", "'q' is over " + MAX_QUERY_LENGTH + " characters");
        }
        int k = parseK(ctx.queryParam("k"));
        List<Map<String, Object>> results = retriever.retrieve(q, k).stream().map(SearchRoutes::json).toList();
        ctx.json(Map.of("query", q, "retriever", retriever.name(), "results", results));
    }

    private static int parseK(String value) {
        if (value == null || value.isBlank()) {
            return 5;
        }
        try {
            int k = Integer.parseInt(value.trim());
            if (k >= 1 && k <= MAX_K) {
                return k;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiErrors.badRequest("invalid_k", "'k' must be a whole number from 1 to " + MAX_K);
    }

    private static Map<String, Object> json(ScoredPassage hit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passageId", hit.passage().id());
        m.put("documentId", hit.passage().documentId());
        m.put("title", hit.passage().documentTitle());
        m.put("start", hit.passage().start());
        m.put("end", hit.passage().end());
        m.put("page", hit.passage().pageAt(hit.passage().start()));
        m.put("text", hit.passage().text());
        m.put("score", hit.score());
        m.put("bm25", hit.bm25());
        m.put("dense", hit.dense());
        return m;
    }
}
