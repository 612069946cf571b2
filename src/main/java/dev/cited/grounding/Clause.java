package dev.cited.grounding;

import java.util.Set;

/**
 * A clause of a sentence (the sentence cut at commas, semicolons, dashes and "but", "while", "although"…),
 * with its informative terms and whether it is negated.
 */
record Clause(String text, Set<String> terms, boolean negated) {
    Clause {
        terms = Set.copyOf(terms);
    }
}
