package dev.cited.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a "how many" question counts: "How many copies of Free Culture were sold?" counts copies, and a
 * sentence with a number of downloads or of pages does not answer it, however close its topic. A sentence
 * answers only when it names at least one word of the counted thing, in any inflection ("artillery" for
 * "artillery rounds", "running" for "runs", "copy" for "copies"; not "copyright"), so a sentence that
 * words the rest of the phrase differently still counts.
 */
final class CountedThing {
    private static final Pattern HOW_MANY = Pattern.compile("\\bhow many\\s+((?:[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*\\s*)+)");
    /** Words that end the counted noun phrase: what follows is what is said about it. */
    private static final Set<String> PHRASE_END = Set.of("of", "in", "on", "at", "for", "from", "to", "by", "with",
            "does", "do", "did", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would",
            "should", "must", "may", "might", "the", "a", "an", "that", "which", "who", "he", "she", "it", "they",
            "we", "you", "i", "there", "this", "these", "those", "his", "her", "its", "their", "after", "before",
            "since", "during", "per", "when", "where", "while", "than", "and", "or");
    /** Words before the noun that say nothing about what is counted. */
    private static final Set<String> QUALIFIERS = Set.of("more", "fewer", "less", "other", "different", "separate",
            "individual", "total", "new", "extra", "additional", "distinct");
    /** Shorter words ("a", "of") say nothing about what is counted. */
    private static final int MIN_STEM = 3;

    /** One per counted word: the word in any of its inflections. */
    private final List<Pattern> forms;

    private CountedThing(List<Pattern> forms) {
        this.forms = forms;
    }

    /** The thing {@code question} counts, or one that every sentence holds when it counts nothing. */
    static CountedThing of(String question) {
        Matcher m = HOW_MANY.matcher(question.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return new CountedThing(List.of());
        }
        List<String> words = new ArrayList<>();
        for (String word : m.group(1).split("\\s+")) {
            if (PHRASE_END.contains(word) || words.size() >= 4) {
                break;
            }
            words.add(word);
        }
        List<Pattern> forms = new ArrayList<>();
        for (String word : words) {
            // "How many more times…" counts times: a qualifier is what is counted only when nothing else is.
            if (word.length() >= MIN_STEM && !QUALIFIERS.contains(word)) {
                forms.add(inflections(stem(word)));
            }
        }
        if (forms.isEmpty() && !words.isEmpty()) {
            forms.add(inflections(stem(words.get(words.size() - 1))));
        }
        return new CountedThing(List.copyOf(forms));
    }

    /** Whether {@code sentence} names what is counted (always, when the question counts nothing). */
    boolean namedIn(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        return forms.isEmpty() || forms.stream().anyMatch(form -> form.matcher(s).find());
    }

    /** The word without its plural or possessive ending: "copies" → "copy", "runs" → "run", "boxes" → "box". */
    static String stem(String word) {
        String w = word.replace('’', '\'');
        if (w.endsWith("'s") || w.endsWith("s'")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** The stem as a whole word with a plural or verb ending: "run" matches "runs", "running", not "rune". */
    private static Pattern inflections(String stem) {
        String base = stem.endsWith("y") ? Pattern.quote(stem.substring(0, stem.length() - 1)) + "(?:y|ies|ied|ying)"
                : Pattern.quote(stem) + "(?:s|es|ed|ing|er|ers|" + Pattern.quote(stem.substring(stem.length() - 1))
                + "(?:ing|ed|er|ers))?";
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + base + "(?![\\p{L}\\p{N}])");
    }
}
