package dev.cited.answer;

import java.util.regex.Pattern;

/**
 * A question about how things were before ("Who was president before Yoon?", "What job did he hold before
 * becoming commissioner?") is not answered by a sentence about how they are now: the sentence must speak
 * of an earlier time too.
 */
final class PriorState {
    /** "before becoming / he took / the war began…" or "before Yoon" (a name: case matters only there). */
    private static final Pattern ASKED = Pattern.compile(
            "\\b(?i:before)\\s+(?:(?i:becoming|being|he|she|they|it|taking|joining|his|her|their)\\b"
                    + "|(?i:the)\\s+\\w+\\s+(?i:became|took)\\b|\\p{Lu})"
                    + "|\\b(?i:previous|former|predecessor)\\b");
    private static final Pattern PRESENT = Pattern.compile(
            "\\b(before|previous|previously|former|formerly|prior|earlier|until|predecessor|once|used to)\\b|\\bex-",
            Pattern.CASE_INSENSITIVE);

    private PriorState() {
    }

    /** Whether {@code question} asks about an earlier state of things. */
    static boolean asked(String question) {
        return ASKED.matcher(question).find();
    }

    /** Whether {@code sentence} speaks of an earlier time at all. */
    static boolean spokenOfIn(String sentence) {
        return PRESENT.matcher(sentence).find();
    }
}
