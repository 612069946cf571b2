package dev.cited.answer;

/** The parts an answer's time is spent in, as /metrics reports them. */
public enum Stage {
    /** Turning a follow-up into a search query (a model call when a model is configured). */
    REWRITE,
    /** Finding the passages the answer may cite. */
    RETRIEVAL,
    /** Writing the answer: the language model's call, or the extractive answerer choosing its sentences. */
    MODEL,
    /** Checking a model's statements against the passages and citing them. */
    VERIFICATION;

    /** "retrieval", as a metric label. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
