package dev.cited.conversation;

import dev.cited.answer.TokenListener;

/**
 * Answers questions within conversations: loads the turns so far, has the question pipeline answer, remembers the turn.
 */
public interface ConversationService {

    /** Longest question accepted, in characters. */
    int MAX_QUESTION_LENGTH = dev.cited.pipeline.QuestionPipeline.MAX_QUESTION_LENGTH;

    /**
     * Answers one question.
     *
     * @param listener receives the answer text as it is produced (may be {@link TokenListener#NONE})
     * @throws dev.cited.answer.ModelException when the configured model fails or times out
     * @throws ConversationNotFoundException when the conversation id names someone else's conversation
     */
    AskResult ask(AskRequest request, TokenListener listener);

    default AskResult ask(AskRequest request) {
        return ask(request, TokenListener.NONE);
    }

    /** Whether {@code owner}'s conversation {@code conversationId} has had a turn {@code turn} (feedback refers to one). */
    boolean hasTurn(String conversationId, String owner, int turn);

    /** Name of the answering model, as reported in {@link AskResult#model()}. */
    String modelName();
}
