package dev.cited.answer;

/** Writes a grounded answer from retrieved passages. */
public interface Answerer {

    /**
     * @param listener receives the answer text as it is produced
     * @throws ModelException when a language model fails or times out
     */
    Answer answer(AnswerContext context, TokenListener listener);

    /**
     * The same, telling {@code stages} where the time went. By default all of it is {@link Stage#MODEL}: the
     * answerer writing its answer; an answerer that verifies a model's draft reports the two apart.
     */
    default Answer answer(AnswerContext context, TokenListener listener, StageListener stages) {
        return stages.time(Stage.MODEL, () -> answer(context, listener));
    }

    /**
     * How long one question may wait for models in all (the follow-up's rewrite included), or null when no model
     * is asked (the extractive answerer): {@code --model-timeout}.
     */
    default java.time.Duration modelBudget() {
        return null;
    }

    /** Reported as the answer's "model": "extractive", "openai:gpt-4o-mini", ... */
    String name();
}
