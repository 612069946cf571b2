package dev.cited.conversation;

/**
 * A question, optionally continuing a conversation.
 *
 * @param question       the user's question, already validated (non-blank, within the length limit)
 * @param conversationId an existing or caller-chosen conversation id, or null to start a new one
 * @param explain        include every verdict of the grounding checks in the result
 * @param owner          who asks (a signed-in user's id); a conversation started by one owner cannot be
 *                       continued, or read back, by another. Null when nobody signs in
 */
public record AskRequest(String question, String conversationId, boolean explain, String owner) {
    public AskRequest(String question, String conversationId, boolean explain) {
        this(question, conversationId, explain, null);
    }

    public AskRequest(String question, String conversationId) {
        this(question, conversationId, false, null);
    }

    public static AskRequest of(String question) {
        return new AskRequest(question, null, false, null);
    }
}
