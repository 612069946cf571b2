package dev.cited.conversation;

import java.time.Instant;

/** A conversation as listed: its first question stands for its title. */
public record ConversationSummary(String id, String firstQuestion, int turnCount, Instant updatedAt) {
}
