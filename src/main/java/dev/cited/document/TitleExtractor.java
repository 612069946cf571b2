package dev.cited.document;

/** Finds a human title: the first line when it reads as a headline, else the opening sentence shortened. */
public final class TitleExtractor {
    static final int MAX_HEADLINE = 150;
    static final int MAX_SHORTENED = 80;

    private TitleExtractor() {
    }

    public static String titleOf(String text, String fallback) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return fallback;
        }
        int newline = stripped.indexOf('\n');
        String firstLine = (newline < 0 ? stripped : stripped.substring(0, newline)).strip();
        firstLine = firstLine.replaceFirst("^#+\\s*", ""); // Markdown heading
        if (looksLikeHeadline(firstLine)) {
            return firstLine;
        }
        return shorten(openingSentence(firstLine));
    }

    private static boolean looksLikeHeadline(String line) {
        return !line.isEmpty() && line.length() <= MAX_HEADLINE && !line.endsWith(".");
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
