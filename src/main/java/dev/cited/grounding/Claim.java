package dev.cited.grounding;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One statement to verify: a sentence of an answer with its citation markers removed, or a question whose
 * answer a sentence must give ("Which country unveiled a $14 billion arms deal?").
 */
public final class Claim {
    /** A statement must be supported in full; a question's numbers, names and terms must be found. */
    public enum Kind { STATEMENT, QUESTION }

    private final String text;
    private final Kind kind;
    /** Readings by the documents they were read against (what counts as a name depends on them). */
    private final Map<Object, Reading> readings = new HashMap<>(2);

    private Claim(String text, Kind kind) {
        this.text = Objects.requireNonNull(text, "text").strip();
        this.kind = kind;
    }

    public static Claim statement(String text) {
        return new Claim(text, Kind.STATEMENT);
    }

    public static Claim question(String text) {
        return new Claim(text, Kind.QUESTION);
    }

    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    /** Read once per lexicon: a claim is checked against many sentences of the same few documents. */
    synchronized Reading reading(Lexicon lexicon, Reader reader) {
        return readings.computeIfAbsent(lexicon, l -> reader.read(text, lexicon));
    }

    @Override
    public String toString() {
        return kind + ": " + text;
    }
}
