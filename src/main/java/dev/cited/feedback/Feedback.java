package dev.cited.feedback;

import java.time.Instant;

/**
 * A user's rating of one answer.
 *
 * @param source where it came from: "web", "api" or "slack"
 */
public record Feedback(String id, String conversationId, int turn, Rating rating, String comment,
                       String source, Instant createdAt) {

    public enum Rating {
        UP, DOWN;

        /** Parses "up"/"down" (any case), or returns null. */
        public static Rating parse(String value) {
            if (value == null) {
                return null;
            }
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "up" -> UP;
                case "down" -> DOWN;
                default -> null;
            };
        }
    }
}
