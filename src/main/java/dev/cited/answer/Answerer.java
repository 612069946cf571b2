package dev.cited.answer;

/** Writes a grounded answer from retrieved passages. */
public interface Answerer {

    /**
     * @param listener receives the answer text as it is produced
     * @throws ModelException when a language model fails or times out
     */
    Answer answer(AnswerContext context, TokenListener listener);

    /** Reported as the answer's "model": "extractive", "openai:gpt-4o-mini", ... */
    String name();
}
