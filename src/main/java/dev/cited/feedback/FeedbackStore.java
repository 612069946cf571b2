package dev.cited.feedback;

import java.util.List;

/** Keeps feedback on answers from every face (web UI, API, Slack). */
public interface FeedbackStore {

    /** Stores the feedback and returns it with its assigned id and time. */
    Feedback save(String conversationId, int turn, Feedback.Rating rating, String comment, String source);

    /** All feedback, oldest first. */
    List<Feedback> all();
}
