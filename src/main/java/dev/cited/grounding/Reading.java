package dev.cited.grounding;

import java.util.List;
import java.util.Set;

/**
 * What the checks read from one text (a claim, a question or a sentence of a document), worked out once
 * and reused for every comparison it takes part in.
 *
 * @param terms   informative terms (analyzed: lower case, stemmed, no stop or question words)
 * @param content the terms that are neither names nor numbers, nor hedges like "around" or "reportedly":
 *                what the wording check weighs, since names and numbers have checks of their own
 * @param parts   the pieces a statement joins ("… food", "and oil"), each with its content terms only
 *                (none when it is all names and numbers): each must be said by the support
 * @param keys    every word in matching form, in order
 */
record Reading(String text, List<Word> words, List<Quantity> quantities, List<Name> names, Set<String> terms,
               Set<String> content, List<Clause> clauses, List<Clause> parts, List<Role> roles, List<String> keys) {
    /** The reading of no text: the sentence before a document's first one. */
    static final Reading EMPTY = new Reading("", List.of(), List.of(), List.of(), Set.of(), Set.of(), List.of(),
            List.of(), List.of(), List.of());

    Reading {
        words = List.copyOf(words);
        quantities = List.copyOf(quantities);
        names = List.copyOf(names);
        terms = Set.copyOf(terms);
        content = Set.copyOf(content);
        clauses = List.copyOf(clauses);
        parts = List.copyOf(parts);
        roles = List.copyOf(roles);
        keys = List.copyOf(keys);
    }
}
