package dev.cited.citation;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the ways models write a citation as the plain "[n]" the rest of Cited reads: "[Passage 2]",
 * "[Source 2]", "[#2]", "[^2]", "[-3]", "【3】", "(Passage 4)", "(Sources 1 and 3)", "[1-3]". Nothing else
 * in the text changes.
 */
public final class MarkerForms {
    private static final String WORD = "(?:passages?|sources?|docs?|documents?|refs?|references?|citations?|p\\.?)";
    private static final String NUMBERS = "(\\d{1,4}(?:\\s*(?:,|;|and|&)\\s*\\d{1,4})*)";
    /** "[Passage 2]", "[source 2, 3]", "[#2]", "[^2]", "[-3]", "【3】", "［3］". */
    private static final Pattern BRACKETED = Pattern.compile(
            "(?i)[\\[【［〔]\\s*(?:" + WORD + "\\s*)?[#^-]?\\s*" + NUMBERS + "\\s*[\\]】］〕]");
    /** "(Passage 4)", "(Sources 1 and 3)": a word is needed, "(1)" may be a list item. */
    private static final Pattern PARENTHESISED = Pattern.compile(
            "(?i)\\(\\s*" + WORD + "\\s*#?\\s*" + NUMBERS + "\\s*\\)");
    /** "[1-3]", "[2–4]": each passage of the range. */
    private static final Pattern RANGE = Pattern.compile("\\[\\s*(\\d{1,4})\\s*[-–]\\s*(\\d{1,4})\\s*]");
    private static final int MAX_RANGE = 10;
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:,|;|and|&)\\s*");

    private MarkerForms() {
    }

    public static String plain(String text) {
        String out = replace(RANGE, text, m -> range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        out = replace(BRACKETED, out, m -> "[" + numbers(m.group(1)) + "]");
        return replace(PARENTHESISED, out, m -> "[" + numbers(m.group(1)) + "]");
    }

    private static String range(int from, int to) {
        if (to < from || to - from >= MAX_RANGE) {
            return "[" + from + "][" + to + "]";
        }
        StringBuilder s = new StringBuilder();
        for (int n = from; n <= to; n++) {
            s.append('[').append(n).append(']');
        }
        return s.toString();
    }

    /** "1 and 3" → "1, 3". */
    private static String numbers(String list) {
        return SEPARATOR.matcher(list).replaceAll(", ").strip();
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> with) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
    }
}
