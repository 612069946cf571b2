package dev.cited.pipeline;

import dev.cited.answer.TokenListener;

/**
 * Answers one question from the documents, statelessly: rewrite the follow-up, retrieve, answer, verify. Every
 * face (web API, Slack, the OpenAI-compatible endpoint, MCP) reaches the same pipeline; what a conversation
 * remembers is the caller's business.
 */
public interface QuestionPipeline {

    /** Longest question accepted, in characters. */
    int MAX_QUESTION_LENGTH = 2000;

    /**
     * @param listener receives the answer text as it is produced (may be {@link TokenListener#NONE})
     * @throws dev.cited.answer.ModelException when the configured model fails or does not answer in time
     */
    GroundedAnswer answer(Question question, TokenListener listener);

    default GroundedAnswer answer(Question question) {
        return answer(question, TokenListener.NONE);
    }

    /** Name of the answering model, as reported in {@link GroundedAnswer#model()}. */
    String modelName();
}
