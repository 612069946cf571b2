package dev.cited.conversation;

/**
 * A conversation id that names no conversation of the asker's: someone else's is treated as unknown, so
 * neither its questions nor its existence are revealed.
 */
public final class ConversationNotFoundException extends RuntimeException {
    public ConversationNotFoundException(String conversationId) {
        super("There is no conversation " + conversationId + " of yours");
    }
}
