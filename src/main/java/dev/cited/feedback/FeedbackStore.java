package dev.cited.feedback;

import java.util.List;

/**
 * Keeps feedback on answers from every face (web UI, API, Slack): one rating per answer and face, a later one
 * replacing the earlier (the user changed their mind), so feedback is bounded by the answers given.
 */
public interface FeedbackStore {

    /** Stores the feedback, replacing this face's earlier rating of the turn, and returns it with its id and time. */
    Feedback save(String conversationId, int turn, Feedback.Rating rating, String comment, String source);

    /** All feedback, oldest first. */
    List<Feedback> all();
}
