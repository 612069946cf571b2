package dev.cited.grounding;

/**
 * A statement of an answer that nothing sent supports: listed for the user instead of shown as fact.
 *
 * @param text   the statement as the answerer wrote it, without its markers
 * @param reason why, in plain words ("the claim says 31,000 where the source says 13,000")
 */
public record UnsupportedStatement(String text, String reason) {
}
