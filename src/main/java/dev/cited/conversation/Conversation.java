package dev.cited.conversation;

import java.time.Instant;
import java.util.List;

/**
 * The remembered turns of one conversation, oldest first.
 *
 * @param owner     who started it (null when nobody signs in); only they may continue it
 * @param turnCount how many turns it has had, including any no longer remembered
 */
public record Conversation(String id, String owner, List<Turn> turns, int turnCount, Instant updatedAt) {
    public Conversation {
        turns = List.copyOf(turns);
    }

    /** Whether {@code asker} may continue or read it: only who started it (nobody, when nobody signs in). */
    public boolean ownedBy(String asker) {
        return java.util.Objects.equals(owner, asker);
    }
}
