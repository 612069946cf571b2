package dev.cited.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the names of a text the plain way: runs of capitalised words and acronyms ("Kyrylo Budanov",
 * "European Council on Foreign Relations", "NATO", "Cho Tae-yul"). A capitalised word that opens a
 * sentence or a quotation is a name only when it is not a common word ({@code common}); month and day
 * names are dates, not names.
 */
final class Names {
    private static final Set<String> NOT_NAMES = Set.of("i", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday");

    /** Word endings of verbs and adverbs that open sentences: "Asked…", "Making…", "Reportedly…". */
    private static final java.util.regex.Pattern INFLECTED = java.util.regex.Pattern.compile(".{2,}(?:ed|ing|ly)");

    private Names() {
    }

    /**
     * @param common whether a lower-case word is a common word (so its capital at a sentence start says nothing)
     * @param named  whether a lower-case word is written as a name elsewhere in the document ("Beijing")
     */
    static List<Name> in(String text, List<Word> words, Predicate<String> common, Predicate<String> named) {
        List<Name> names = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!startsName(words, i, common, named)) {
                i++;
                continue;
            }
            int end = i + 1; // exclusive
            while (end < words.size()) {
                Word w = words.get(end);
                if (w.opensClause() && !w.hyphenated() || !joined(text, words.get(end - 1), w)) {
                    break;
                }
                if (partOfName(w) && !w.hyphenated()) {
                    end++;
                } else if (w.hyphenated() && !w.numeric() && !w.capitalised() || identifier(words, end)) {
                    end++; // "Tae-yul", "Yong-hyun", "Hwasong-19", "Python 3.4", "RFC 6749"
                } else if (NameForms.CONNECTORS.contains(w.key()) && end + 1 < words.size()
                        && partOfName(words.get(end + 1)) && !words.get(end + 1).opensClause()
                        && !w.key().equals("and")) {
                    end += 2;
                } else {
                    break;
                }
            }
            List<String> keys = new ArrayList<>();
            for (int j = i; j < end; j++) {
                keys.add(NameForms.key(words.get(j).key()));
            }
            Word last = words.get(end - 1);
            names.add(new Name(keys, text.substring(words.get(i).start(), last.end()), words.get(i).start(), last.end()));
            i = end;
        }
        return names;
    }

    private static boolean startsName(List<Word> words, int i, Predicate<String> common, Predicate<String> named) {
        Word w = words.get(i);
        if (!partOfName(w)) {
            return false;
        }
        if (!w.opensClause() || w.acronym()) {
            return true;
        }
        // "The European Union": the common word goes, the name after it stays (found as the loop goes on).
        return !common.test(w.key()) && (!INFLECTED.matcher(w.key()).matches() || named.test(w.key()));
    }

    /** A number right after a name is part of it: "Python 3.4", "RFC 6749", "Hwasong 11" (not a score, "3-1"). */
    static boolean identifier(List<Word> words, int i) {
        Word w = words.get(i);
        Word before = words.get(i - 1);
        boolean score = i + 1 < words.size() && words.get(i + 1).hyphenated() && words.get(i + 1).numeric();
        return w.numeric() && before.capitalised() && !before.numeric() && !score;
    }

    /** Only a space or a hyphen between two words of one name: a comma or a quote ends it. */
    private static boolean joined(String text, Word a, Word b) {
        String gap = text.substring(a.end(), b.start());
        return gap.equals(" ") || gap.equals("-") || gap.equals("‑") ;
    }

    /** Numbers in words are numbers, even capitalised: "Seventy years after…". */
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety", "hundred", "thousand", "million", "billion", "half", "dozen", "dozens", "hundreds",
            "thousands", "millions");

    private static boolean partOfName(Word w) {
        return !w.numeric() && w.capitalised() && !NOT_NAMES.contains(w.key()) && !NUMBER_WORDS.contains(w.key())
                && !w.text().equals("A"); // "X" (the platform) is a name; "A" opens a sentence
    }
}
