package dev.cited.grounding;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every name of the claim (people, places, organisations, titles) is in the support or its document's
 * title, in one of the forms the document uses: "Budanov" for its "Kyrylo Budanov", "North Korea" for
 * "Pyongyang" or "North Korean", "ECFR" for "European Council on Foreign Relations". A name given in the
 * sentences before counts when the support refers back to it ("he said", "the two leaders").
 */
final class NameCheck implements Check {
    /** Words that refer back to a name given earlier. */
    private static final Set<String> REFERRING = Set.of("he", "she", "they", "it", "its", "his", "her", "their",
            "him", "them", "this", "these", "those", "both", "two", "pair", "latter", "former");

    @Override
    public Verdict failure(Comparison c) {
        for (Name name : c.claim().names()) {
            if (c.question() && namesASource(name, c.claim())) {
                continue; // "the ECFR analysis", "the EU-Korea report": which document, not what it says
            }
            if (!found(name, c)) {
                return Check.notSupported((c.question() ? "the question names " : "the claim names ") + name.text()
                        + ", which the source does not mention");
            }
            Name replaced = c.question() ? null : replacedBy(name, c);
            if (replaced != null) {
                return Check.notSupported("the claim names " + name.text() + " where the source names "
                        + replaced.text());
            }
            for (String title : name.titles()) {
                if (windows(c).stream().noneMatch(w -> w.keys().contains(title))) {
                    return Check.notSupported((c.question() ? "the question calls " : "the claim calls ")
                            + name.text() + " what the source does not (" + title + ")");
                }
            }
        }
        return null;
    }

    /** Words after a name that make it the name of a document: "the ECFR analysis". */
    private static final Set<String> SOURCES = Set.of("analysis", "report", "article", "paper", "document", "piece",
            "study", "publication", "text", "story", "dialogue", "commentary", "brief", "essay", "post", "page", "author",
            "authors", "writer", "editors", "website", "site");

    private static boolean namesASource(Name name, Reading question) {
        List<Word> words = question.words();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).end() == name.end()) {
                int j = i + 1;
                while (j < words.size() && words.get(j).hyphenated() || j < words.size() && words.get(j).capitalised()
                        && j - i <= 3) {
                    j++; // "the EU-Korea dialogue report"
                }
                return j < words.size() && SOURCES.contains(words.get(j).key());
            }
        }
        return false;
    }

    /** Where the claim's names may be found: the support, its title, and what it refers back to. */
    private static List<Reading> windows(Comparison c) {
        // A question names what its answer is about, which the text may have named a sentence or two earlier.
        boolean refersBack = c.question() || c.support().words().stream().anyMatch(w -> REFERRING.contains(w.key()));
        return refersBack ? List.of(c.support(), c.previous()) : List.of(c.support());
    }

    /**
     * For a claim name the support does not itself hold (it was named a sentence or two before): a name of
     * two or more words in the support that the claim does not mention, which it may have been put in place
     * of ("Cho Tae-yul" for the support's "Kim Yong-hyun", Cho being named earlier). Null when there is none.
     */
    private static Name replacedBy(Name name, Comparison c) {
        Comparison supportOnly = new Comparison(c.kind(), c.claim(), c.support(), Reading.EMPTY, Reading.EMPTY,
                Reading.EMPTY, c.evidence());
        if (found(name, supportOnly) || name.core().size() < 2) {
            return null;
        }
        for (Name other : c.support().names()) {
            boolean mentioned = c.claim().names().stream().anyMatch(n -> n.core().containsAll(other.core())
                    || other.core().containsAll(n.core()));
            if (other.core().size() >= 2 && !mentioned && NameForms.standsFor(other.core()) == null) {
                return other;
            }
        }
        return null;
    }

    /** The document's subject: the first name of its title ("PEP 453" of "PEP 453 was written by…"). */
    private static boolean subject(Name name, Comparison c) {
        return !c.title().names().isEmpty() && c.title().names().get(0).core().containsAll(name.core());
    }

    static boolean found(Name name, Comparison c) {
        List<String> core = name.core();
        if (subject(name, c)) {
            return true;
        }
        for (Reading window : windows(c)) {
            if (Collections.indexOfSubList(window.keys(), core) >= 0) {
                return true; // as written, or an adjective of the place: "North Korean" for "North Korea"
            }
            String canonical = Roles.canonical(name);
            for (Name other : window.names()) {
                if (Roles.canonical(other).equals(canonical)) {
                    return true; // "Pyongyang" for "North Korea"
                }
                if (initials(other).equals(String.join("", core)) || initials(name).equals(String.join("", other.core()))) {
                    return true; // "ECFR" for "European Council on Foreign Relations"
                }
                if (window == c.support() && core.containsAll(other.core()) && c.evidence().lexicon().usesName(core)) {
                    return true; // "Budanov" in the support, the document's "Kyrylo Budanov" in the claim
                }
            }
        }
        return everyWordNamed(core, c) || name.acronym() && spelledOut(name, c);
    }

    /** "CFO" for "chief financial officer": consecutive words of the support whose initials spell it. */
    private static boolean spelledOut(Name acronym, Comparison c) {
        String letters = acronym.keys().get(0);
        for (Reading window : windows(c)) {
            List<Word> words = window.words();
            for (int i = 0; i < words.size(); i++) {
                int k = 0;
                for (int j = i; j < words.size() && k < letters.length(); j++) {
                    String key = words.get(j).key();
                    if (j > i && NameForms.CONNECTORS.contains(key)) {
                        continue;
                    }
                    if (key.isEmpty() || key.charAt(0) != letters.charAt(k)) {
                        break;
                    }
                    k++;
                }
                if (k == letters.length()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "South Korean President Yoon Seok-yeol" for "President Yoon Seok-yeol’s" with "South Korea" nearby. */
    private static boolean everyWordNamed(List<String> core, Comparison c) {
        if (core.size() < 2) {
            return false;
        }
        Set<String> named = new HashSet<>();
        for (Reading window : windows(c)) {
            window.names().forEach(n -> named.addAll(n.keys()));
        }
        return named.containsAll(core);
    }

    /** The first letters of the name's words, connectors left out: "ecfr". */
    private static String initials(Name name) {
        if (name.keys().size() < 2) {
            return "\u0000"; // one word has no initials to compare
        }
        StringBuilder s = new StringBuilder();
        for (String key : name.keys()) {
            if (!NameForms.CONNECTORS.contains(key)) {
                s.append(key.charAt(0));
            }
        }
        return s.toString();
    }
}
