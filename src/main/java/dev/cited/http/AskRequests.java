package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.ConversationService;
import io.javalin.http.Context;

import java.util.regex.Pattern;

/** Validates the body of the ask endpoints. */
final class AskRequests {
    static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private AskRequests() {
    }

    static AskRequest parse(Context ctx, ObjectMapper mapper) {
        JsonNode body = JsonBodies.object(ctx, mapper);
        JsonNode q = body.get("question");
        if (q == null || q.isNull()) {
            throw ApiErrors.badRequest("missing_question", "Send a 'question' string");
        }
        if (!q.isTextual()) {
            throw ApiErrors.badRequest("invalid_question", "'question' must be a string");
        }
        String question = q.asText();
        if (question.isBlank()) {
            throw ApiErrors.badRequest("blank_question", "'question' is blank");
        }
        if (question.length() > ConversationService.MAX_QUESTION_LENGTH) {
            throw ApiErrors.error(413, "question_too_long", "'question' is " + question.length()
                    + " characters; the limit is " + ConversationService.MAX_QUESTION_LENGTH);
        }
        String conversationId = JsonBodies.optionalString(body, "conversationId");
        if (conversationId != null && !CONVERSATION_ID.matcher(conversationId).matches()) {
            throw ApiErrors.badRequest("invalid_conversation_id",
                    "'conversationId' must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        JsonNode explain = body.get("explain");
        if (explain != null && !explain.isNull() && !explain.isBoolean()) {
            throw ApiErrors.badRequest("invalid_explain", "'explain' must be true or false");
        }
        return new AskRequest(question, conversationId, explain != null && explain.asBoolean(false), Access.owner(ctx));
    }
}
