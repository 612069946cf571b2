package dev.cited.grounding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a text once into what the checks compare: its numbers, names, terms, clauses and roles. */
final class Reader {
    /**
     * Where a statement joins one thing to another. Each piece of two or more content terms ("with his first
     * touch of the game"), and each piece added with "and", "or", "plus" ("and oil"), must share a term with
     * the support.
     */
    private static final java.util.regex.Pattern PARTS = java.util.regex.Pattern.compile(
            "(?:,|;|:)(?=\\s)|[()–—]"
                    + "|\\s(?:and|or(?! (?:more|less|fewer|so)\\b)|as well as|plus|while|but|whereas|including|with)\\s");

    private static final java.util.regex.Pattern ADDED = java.util.regex.Pattern.compile(
            "\\s(?:and|or|as well as|plus)\\s");

    private final SentenceSupport support;

    Reader(SentenceSupport support) {
        this.support = support;
    }

    /** Reads {@code text} as a text of the document {@code lexicon} describes. */
    Reading read(String text, Lexicon lexicon) {
        List<Word> words = Words.of(text);
        Set<String> ownLowerCase = new HashSet<>();
        for (Word w : words) {
            if (!w.capitalised() && !w.numeric()) {
                ownLowerCase.add(w.key());
            }
        }
        List<Name> names = Names.in(text, words, k -> lexicon.common(k) || ownLowerCase.contains(k), lexicon::named);
        List<Clause> clauses = new ArrayList<>();
        for (String clause : Polarity.clauses(text)) {
            Set<String> terms = support.informativeTerms(clause);
            if (!terms.isEmpty()) {
                clauses.add(new Clause(clause, terms, Polarity.negated(clause)));
            }
        }
        List<String> keys = words.stream().map(w -> NameForms.key(w.key())).toList();
        List<Quantity> quantities = Quantities.in(text, words).stream()
                .filter(q -> names.stream().noneMatch(n -> q.start() >= n.start() && q.end() <= n.end()))
                .toList(); // "Python 3.4", "Hwasong-19": numbers that are part of a name are checked as names
        Set<String> terms = support.informativeTerms(text);
        Set<String> content = support.contentTerms(text);
        names.forEach(n -> content.removeAll(support.informativeTerms(n.text())));
        quantities.forEach(q -> content.removeAll(support.informativeTerms(q.text())));
        return new Reading(text, words, quantities, names, terms, content, clauses, parts(text, content),
                Roles.in(text, words, names), keys);
    }

    /** The pieces of {@code text} that say something of their own, each with its content terms. */
    private List<Clause> parts(String text, Set<String> content) {
        List<Clause> parts = new ArrayList<>();
        java.util.regex.Matcher split = PARTS.matcher(text);
        int from = 0;
        boolean added = false; // the piece follows "and", "or", "plus": one more thing, as in "food and oil"
        while (from <= text.length()) {
            boolean more = split.find();
            int to = more ? split.start() : text.length();
            String part = text.substring(from, to);
            Set<String> partTerms = new HashSet<>(support.informativeTerms(part));
            partTerms.retainAll(content);
            if (partTerms.size() >= 2 || added && !partTerms.isEmpty()) {
                parts.add(new Clause(part.strip(), partTerms, false));
            }
            if (!more) {
                break;
            }
            added = ADDED.matcher(split.group()).matches();
            from = split.end();
        }
        return parts;
    }
}
