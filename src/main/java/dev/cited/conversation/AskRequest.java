package dev.cited.conversation;

/**
 * A question, optionally continuing a conversation.
 *
 * @param question       the user's question, already validated (non-blank, within the length limit)
 * @param conversationId an existing or caller-chosen conversation id, or null to start a new one
 * @param explain        include every verdict of the grounding checks in the result
 */
public record AskRequest(String question, String conversationId, boolean explain) {
    public AskRequest(String question, String conversationId) {
        this(question, conversationId, false);
    }

    public static AskRequest of(String question) {
        return new AskRequest(question, null, false);
    }
}
