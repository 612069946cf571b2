package dev.cited.conversation;

import java.util.List;
import java.util.Optional;

/** Remembers conversations between requests. */
public interface ConversationStore {

    Optional<Conversation> find(String id);

    /**
     * Appends a turn, creating the conversation (owned by {@code owner}) when the id is new. Numbers are assigned
     * here, atomically, so concurrent questions in one conversation get distinct turn numbers.
     *
     * @param owner who asks; null when nobody signs in
     * @return the 1-based number given to the appended turn
     * @throws ConversationNotFoundException when the conversation belongs to someone else (nothing is stored)
     */
    int append(String id, String owner, Turn turn);

    /** {@code owner}'s conversations, most recently continued first, at most {@code limit}. */
    List<ConversationSummary> list(String owner, int limit);

    /** Appends a turn for nobody in particular (no sign-in). */
    default int append(String id, Turn turn) {
        return append(id, null, turn);
    }

    /** Whether {@code owner}'s conversation {@code id} has had a turn {@code turn}: feedback may refer only to those. */
    default boolean hasTurn(String id, String owner, int turn) {
        return turn >= 1 && find(id).filter(c -> c.ownedBy(owner))
                .map(c -> turn <= c.turnCount()).orElse(false);
    }
}
