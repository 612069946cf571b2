package dev.cited.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.answer.HistoryTurn;
import dev.cited.pipeline.Question;
import dev.cited.pipeline.QuestionPipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns OpenAI {@code messages} into a {@link Question} and its history. System and developer messages are
 * accepted and ignored (Cited answers by its own prompt rules); user and assistant messages pair up into turns;
 * the last message must be the user's question. Tolerated: two user messages in a row (the earlier one becomes a
 * turn with no answer), two assistant messages in a row (joined into one answer), an assistant message before any
 * user message (a greeting: ignored). An assistant message's appended sources list is stripped.
 */
final class MessageHistory {
    /** Most messages taken in one request. */
    static final int MAX_MESSAGES = 100;
    /** Most characters of message text taken in one request, all messages together. */
    static final int MAX_TOTAL_CHARS = 32_000;

    private MessageHistory() {
    }

    /** The request's text, all messages together, for the usage estimate; and the question with its history. */
    record Parsed(Question question, String allText) {
    }

    static Parsed parse(JsonNode messages) {
        if (messages == null || messages.isNull() || messages.isMissingNode()) {
            throw InvalidRequest.of("messages", "missing_messages", "Send 'messages': an array of chat messages");
        }
        if (!messages.isArray()) {
            throw InvalidRequest.of("messages", "invalid_messages", "'messages' must be an array of chat messages");
        }
        if (messages.isEmpty()) {
            throw InvalidRequest.of("messages", "empty_messages", "'messages' is empty: send at least one user message");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw InvalidRequest.of("messages", "too_many_messages", "'messages' has " + messages.size()
                    + " messages; the limit is " + MAX_MESSAGES);
        }
        List<HistoryTurn> turns = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        String pendingQuestion = null;
        StringBuilder pendingAnswer = null;
        String lastRole = null;
        String lastText = null;
        for (int i = 0; i < messages.size(); i++) {
            String where = "messages[" + i + "]";
            JsonNode message = messages.get(i);
            if (!message.isObject()) {
                throw InvalidRequest.of(where, "invalid_message", where + " must be an object with 'role' and 'content'");
            }
            String role = role(message, where);
            String text = content(message.get("content"), where, role);
            all.append(text).append('\n');
            if (all.length() > MAX_TOTAL_CHARS) {
                throw InvalidRequest.of("messages", "messages_too_long", "The messages hold over " + MAX_TOTAL_CHARS
                        + " characters together; send fewer or shorter ones");
            }
            lastRole = role;
            lastText = text;
            switch (role) {
                case "system", "developer" -> {
                    // ignored: Cited's own prompt rules apply
                }
                case "user" -> {
                    if (pendingQuestion != null) {
                        turns.add(new HistoryTurn(pendingQuestion, pendingAnswer == null ? "" : pendingAnswer.toString()));
                    }
                    pendingQuestion = text;
                    pendingAnswer = null;
                }
                default -> { // assistant
                    String answer = SourcesList.strip(text);
                    if (pendingQuestion != null) {
                        pendingAnswer = pendingAnswer == null ? new StringBuilder(answer)
                                : pendingAnswer.append("\n\n").append(answer);
                    }
                }
            }
        }
        if (!"user".equals(lastRole)) {
            throw InvalidRequest.of("messages", "last_message_not_user",
                    "The last message must be the user's question, not a '" + lastRole + "' message");
        }
        String question = lastText.strip();
        String last = "messages[" + (messages.size() - 1) + "].content";
        if (question.isEmpty()) {
            throw InvalidRequest.of(last, "blank_question", "The last user message is blank: ask a question");
        }
        if (question.length() > QuestionPipeline.MAX_QUESTION_LENGTH) {
            throw InvalidRequest.of(last, "question_too_long", "The last user message is " + question.length()
                    + " characters; a question may have at most " + QuestionPipeline.MAX_QUESTION_LENGTH);
        }
        return new Parsed(new Question(question, turns), all.toString());
    }

    private static String role(JsonNode message, String where) {
        JsonNode role = message.get("role");
        if (role == null || role.isNull()) {
            throw InvalidRequest.of(where + ".role", "missing_role", where + " has no 'role'");
        }
        if (!role.isTextual()) {
            throw InvalidRequest.of(where + ".role", "invalid_role", where + ".role must be a string");
        }
        return switch (role.asText()) {
            case "system", "developer", "user", "assistant" -> role.asText();
            case "tool", "function" -> throw InvalidRequest.of(where + ".role", "tools_not_supported",
                    "Cited does not call tools, so '" + role.asText() + "' messages are not accepted");
            default -> throw InvalidRequest.of(where + ".role", "invalid_role", "Unknown role '" + role.asText()
                    + "': use system, developer, user or assistant");
        };
    }

    /** A string, or an array of {@code {"type": "text", "text": ...}} parts, joined by newlines. */
    private static String content(JsonNode content, String where, String role) {
        String param = where + ".content";
        if (content == null || content.isNull()) {
            throw InvalidRequest.of(param, "missing_content", where + " (" + role + ") has no 'content'");
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw InvalidRequest.of(param, "invalid_content", param + " must be a string or an array of text parts");
        }
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String at = param + "[" + j + "]";
            if (!part.isObject()) {
                throw InvalidRequest.of(at, "invalid_content", at + " must be an object such as {\"type\": \"text\", \"text\": \"...\"}");
            }
            JsonNode type = part.get("type");
            if (type == null || !type.isTextual()) {
                throw InvalidRequest.of(at + ".type", "invalid_content", at + " needs a 'type' string");
            }
            if (!type.asText().equals("text")) {
                throw InvalidRequest.of(at + ".type", "unsupported_content", "Only text parts are accepted: " + at
                        + " is of type '" + type.asText() + "' (Cited answers from its documents, not from images, audio or files)");
            }
            JsonNode text = part.get("text");
            if (text == null || !text.isTextual()) {
                throw InvalidRequest.of(at + ".text", "invalid_content", at + " needs a 'text' string");
            }
            texts.add(text.asText());
        }
        return String.join("\n", texts);
    }
}
