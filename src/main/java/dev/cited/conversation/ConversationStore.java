package dev.cited.conversation;

import java.util.Optional;

/** Remembers conversations between requests. */
public interface ConversationStore {

    Optional<Conversation> find(String id);

    /**
     * Appends a turn, creating the conversation when the id is new. Numbers are assigned here, under the
     * store's lock, so concurrent questions in one conversation get distinct turn numbers.
     *
     * @return the 1-based number given to the appended turn
     */
    int append(String id, Turn turn);

    /** Whether conversation {@code id} has had a turn {@code turn}: feedback may refer only to those. */
    default boolean hasTurn(String id, int turn) {
        return turn >= 1 && find(id).map(c -> turn <= c.turnCount()).orElse(false);
    }
}
