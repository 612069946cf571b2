package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.conversation.ConversationService;
import dev.cited.feedback.Feedback;
import dev.cited.feedback.FeedbackStore;
import io.javalin.http.Context;

/** POST /api/feedback stores a rating of one answer; GET /api/feedback lists them. */
final class FeedbackRoutes {
    static final int MAX_COMMENT_LENGTH = 2000;

    private final FeedbackStore store;
    private final ConversationService conversations;
    private final ObjectMapper mapper;

    FeedbackRoutes(FeedbackStore store, ConversationService conversations, ObjectMapper mapper) {
        this.store = store;
        this.conversations = conversations;
        this.mapper = mapper;
    }

    void create(Context ctx) {
        JsonNode body = JsonBodies.object(ctx, mapper);
        String conversationId = JsonBodies.optionalString(body, "conversationId");
        if (conversationId == null || !AskRequests.CONVERSATION_ID.matcher(conversationId).matches()) {
            throw ApiErrors.badRequest("invalid_conversation_id", "Send the answer's 'conversationId'");
        }
        JsonNode turn = body.get("turn");
        if (turn == null || !turn.canConvertToInt() || !turn.isIntegralNumber() || turn.asInt() < 1) {
            throw ApiErrors.badRequest("invalid_turn", "'turn' must be the answer's turn number (1 or more)");
        }
        Feedback.Rating rating = Feedback.Rating.parse(JsonBodies.optionalString(body, "rating"));
        if (rating == null) {
            throw ApiErrors.badRequest("invalid_rating", "'rating' must be \"up\" or \"down\"");
        }
        String comment = JsonBodies.optionalString(body, "comment");
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            throw ApiErrors.error(413, "comment_too_long", "'comment' is over " + MAX_COMMENT_LENGTH + " characters");
        }
        if (!conversations.hasTurn(conversationId, Access.owner(ctx), turn.asInt())) {
            throw ApiErrors.error(404, "unknown_turn", "Conversation " + conversationId + " has no answer number "
                    + turn.asInt() + " to rate");
        }
        Feedback saved = store.save(conversationId, turn.asInt(), rating, comment == null ? "" : comment.strip(), "web");
        ctx.status(201).json(json(saved));
    }

    void list(Context ctx) {
        Access.requireAdmin(ctx, "list feedback");
        ctx.json(store.all().stream().map(FeedbackRoutes::json).toList());
    }

    private static java.util.Map<String, Object> json(Feedback f) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", f.id());
        m.put("conversationId", f.conversationId());
        m.put("turn", f.turn());
        m.put("rating", f.rating().name().toLowerCase(java.util.Locale.ROOT));
        m.put("comment", f.comment());
        m.put("source", f.source());
        m.put("createdAt", f.createdAt().toString());
        return m;
    }
}
