package dev.cited.chunking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences with exact offsets. A sentence ends at . ! ? (plus any closing quotes or
 * brackets) followed by whitespace and a plausible sentence start, or at a line break. Abbreviations such
 * as "U.S." or "Mr." and decimals such as "$1.5 billion" do not end a sentence, nor does a full stop inside
 * a “curly quotation” that closes later on the same line, so a quoted remark is never cut in two.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
            "rep", "sen", "gov", "pres", "vs", "etc", "eg", "ie", "inc", "ltd", "co", "corp", "no", "nos", "fig",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est",
            "dept", "univ", "mt", "ft", "vol", "al");
    private static final String CLOSERS = "\"'”’»)]";
    private static final String OPENERS = "\"'“‘«([";
    private static final String EMPHASIS = "*_`";

    public List<Span> split(String text) {
        List<Span> sentences = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(sentences, text, start, i);
                start = i + 1;
            } else if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i) && !insideQuote(text, start, i)) {
                int end = i + 1;
                while (end < n && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                add(sentences, text, start, end);
                start = end;
                i = end;
                continue;
            }
            i++;
        }
        add(sentences, text, start, n);
        return sentences;
    }

    private static boolean endsSentence(String text, int i) {
        int n = text.length();
        int j = i + 1;
        while (j < n && CLOSERS.indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        if (j >= n) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(j))) {
            return false; // "U.S.-led", "1.5", "example.com"
        }
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        if (j >= n || text.charAt(j) == '\n' || text.charAt(j) == '\r') {
            return true;
        }
        // Emphasis a model's Markdown opens a sentence with ("**Russia** also…") is looked past.
        while (j + 1 < n && EMPHASIS.indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        char next = text.charAt(j);
        boolean plausibleStart = Character.isUpperCase(next) || Character.isDigit(next)
                || OPENERS.indexOf(next) >= 0 || next == '$' || next == '€' || next == '£';
        if (!plausibleStart) {
            return false;
        }
        return text.charAt(i) != '.' || !isAbbreviation(text, i);
    }

    /** True when a “ opened since {@code start} is still open at {@code i} and closes before the line ends. */
    private static boolean insideQuote(String text, int start, int i) {
        int depth = 0;
        for (int j = start; j < i; j++) {
            char c = text.charAt(j);
            if (c == '“') {
                depth++;
            } else if (c == '”' && depth > 0) {
                depth--;
            }
        }
        if (depth == 0) {
            return false;
        }
        if (i + 1 < text.length() && text.charAt(i + 1) == '”') {
            return false; // the quote closes right here: "…first.”" ends the sentence as usual
        }
        for (int j = i + 1; j < text.length() && text.charAt(j) != '\n'; j++) {
            if (text.charAt(j) == '”') {
                return true;
            }
        }
        return false;
    }

    /** True when the word ending at the full stop {@code dot} is an abbreviation or an initial. */
    private static boolean isAbbreviation(String text, int dot) {
        int wordStart = dot;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))
                && OPENERS.indexOf(text.charAt(wordStart - 1)) < 0) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot);
        if (word.isEmpty()) {
            return false;
        }
        if (word.indexOf('.') >= 0) {
            return true; // "U.S", "e.g"
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial: "John F. Kennedy"
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(List<Span> sentences, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new Span(start, end));
        }
    }
}
