package dev.cited.answer;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots names in a sentence the plain way: capitalised words past its first word ("Hwasong-19", "NATO",
 * "Leyen"). Good enough to tell that a sentence names nobody the question did not already name, which is
 * what "Who was president before Yoon?" needs when the only sentence found is about Yoon.
 */
final class ProperNames {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}'’\\-]*");
    /** Capitalised only because they open a clause or a quote. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "this", "that", "these", "those",
            "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "in", "on", "at",
            "for", "but", "and", "or", "as", "if", "when", "while", "with", "by", "from", "to", "of", "after",
            "before", "during", "there", "here", "what", "which", "who", "how", "why", "not", "no", "yes");

    private ProperNames() {
    }

    /** Whether {@code sentence} holds a capitalised word, past its first, that {@code question} lacks. */
    static boolean hasNameMissingFrom(String sentence, String question) {
        Set<String> asked = new HashSet<>();
        Matcher q = WORD.matcher(question);
        while (q.find()) {
            asked.add(normalise(q.group()));
        }
        Matcher m = WORD.matcher(sentence);
        boolean first = true;
        while (m.find()) {
            String word = m.group();
            boolean opensSentence = first;
            first = false;
            if (opensSentence || !Character.isUpperCase(word.charAt(0)) || word.length() < 2) {
                continue;
            }
            String key = normalise(word);
            if (!FUNCTION_WORDS.contains(key) && !asked.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, without a possessive "’s": "Korea’s" and "korea" are one name. */
    private static String normalise(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("’s") || w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        return w;
    }
}
