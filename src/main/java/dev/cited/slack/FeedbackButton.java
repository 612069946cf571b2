package dev.cited.slack;

import dev.cited.feedback.Feedback;

import java.util.Optional;

/**
 * What a 👍/👎 button carries in its {@code value}: {@code rating|turn|conversationId}, so a block_actions
 * payload alone is enough to store the feedback.
 */
public record FeedbackButton(Feedback.Rating rating, int turn, String conversationId) {
    public static final String ACTION_PREFIX = "cited_feedback_";
    static final int MAX_VALUE_LENGTH = 2000;

    public String actionId() {
        return ACTION_PREFIX + rating.name().toLowerCase(java.util.Locale.ROOT);
    }

    public String value() {
        return rating.name().toLowerCase(java.util.Locale.ROOT) + "|" + turn + "|" + conversationId;
    }

    /** Parses a button value; empty when it is not one of ours or is malformed. */
    public static Optional<FeedbackButton> parse(String value) {
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        String[] parts = value.split("\\|", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Feedback.Rating rating = Feedback.Rating.parse(parts[0]);
        String conversationId = parts[2].trim();
        if (rating == null || conversationId.isEmpty() || conversationId.length() > ConversationIds.MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            int turn = Integer.parseInt(parts[1].trim());
            return turn > 0 ? Optional.of(new FeedbackButton(rating, turn, conversationId)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
