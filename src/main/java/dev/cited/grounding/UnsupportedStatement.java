package dev.cited.grounding;

/**
 * A statement of an answer that nothing sent supports: listed for the user instead of shown as fact.
 *
 * @param text    the statement as the answerer wrote it, without its markers and emphasis
 * @param reason  why, in plain words ("the claim says 31,000 where the source says 13,000")
 * @param flagged kept in the answer text, marked "⚠ " and uncited ({@code --grounding flag}); false when
 *                removed from it. Faces read this rather than search the answer for the text.
 */
public record UnsupportedStatement(String text, String reason, boolean flagged) {
    /** A statement removed from the answer. */
    public UnsupportedStatement(String text, String reason) {
        this(text, reason, false);
    }
}
