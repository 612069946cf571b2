package dev.cited.document;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a human title, best first: the file's own (metadata, front matter, first heading), the first line
 * when it reads as a headline, the file name made readable ("annual_report-2023.pdf" → "Annual report
 * 2023") unless it is an id ("004_c0a5f909db2a0263"), and only then the opening sentence, shortened.
 */
public final class TitleExtractor {
    static final int MAX_HEADLINE = 150;
    static final int MAX_SHORTENED = 80;
    /** A run of 8 or more hex digits, or a name that is mostly digits: an id, not a title. */
    private static final Pattern ID_LIKE = Pattern.compile("(?i).*[0-9a-f]{8,}.*|[\\d\\s_.-]+");

    private TitleExtractor() {
    }

    /**
     * @param own      the title the file gives itself, or null
     * @param fileName the file's name, with its extension
     * @param fallback when nothing else serves: the document id
     */
    public static String choose(String own, String text, String fileName, String fallback) {
        if (own != null && !own.isBlank() && own.strip().length() <= MAX_HEADLINE) {
            return own.strip().replaceAll("\\s+", " ");
        }
        String headline = headline(text);
        if (headline != null) {
            return headline;
        }
        String readable = readableName(fileName);
        return readable != null ? readable : titleOf(text, fallback);
    }

    /** The first line when it reads as a headline, or the opening sentence shortened; {@code fallback} when empty. */
    public static String titleOf(String text, String fallback) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return fallback;
        }
        String headline = headline(stripped);
        return headline != null ? headline : shorten(openingSentence(firstLine(stripped)));
    }

    /** The first line when it reads as a headline (short, no full stop at its end); null otherwise. */
    static String headline(String text) {
        String line = firstLine(text.strip()).replaceFirst("^#+\\s*", ""); // Markdown heading
        return !line.isEmpty() && line.length() <= MAX_HEADLINE && !line.endsWith(".") ? line : null;
    }

    /** "annual_report-2023.pdf" → "Annual report 2023"; null when the name is an id or a number. */
    static String readableName(String fileName) {
        String name = fileName;
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        if (ID_LIKE.matcher(name).matches()) {
            return null;
        }
        String words = name.replaceAll("[_\\-.]+", " ").replaceAll("\\s+", " ").strip();
        if (words.isEmpty()) {
            return null;
        }
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    private static String openingSentence(String line) {
        int end = line.indexOf(". ");
        return end < 0 ? line : line.substring(0, end + 1);
    }

    private static String shorten(String sentence) {
        if (sentence.length() <= MAX_SHORTENED) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_SHORTENED - 1);
        return sentence.substring(0, cut > 0 ? cut : MAX_SHORTENED - 1).strip() + "…";
    }
}
