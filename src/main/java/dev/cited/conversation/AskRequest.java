package dev.cited.conversation;

/**
 * A question, optionally continuing a conversation.
 *
 * @param question       the user's question, already validated (non-blank, within the length limit)
 * @param conversationId an existing or caller-chosen conversation id, or null to start a new one
 */
public record AskRequest(String question, String conversationId) {
    public static AskRequest of(String question) {
        return new AskRequest(question, null);
    }
}
