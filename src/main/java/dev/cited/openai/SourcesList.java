package dev.cited.openai;

import dev.cited.citation.Citation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The plain sources list appended to an answer's content, so that any chat client shows where each {@code [n]}
 * comes from ({@code Sources:} then one line per citation: {@code [1] Title, p. 3: "quote"}), and its removal from
 * an assistant message a client sends back, so that history holds only the answer.
 */
final class SourcesList {
    static final String HEADING = "\n\nSources:\n";
    private static final Pattern SOURCE_LINE = Pattern.compile("\\[\\d+] .*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SourcesList() {
    }

    /** The answer, then (when it cites anything) a blank line and its sources. */
    static String append(String answer, List<Citation> citations) {
        if (citations.isEmpty()) {
            return answer;
        }
        StringBuilder out = new StringBuilder(answer).append(HEADING);
        for (int i = 0; i < citations.size(); i++) {
            Citation c = citations.get(i);
            if (i > 0) {
                out.append('\n');
            }
            out.append('[').append(c.marker()).append("] ").append(oneLine(c.title()));
            if (c.page() != null) {
                out.append(", p. ").append(c.page());
            }
            // one line each: a quote spanning lines is shown with spaces (the exact text is in "citations")
            out.append(": \"").append(oneLine(c.quote())).append('"');
        }
        return out.toString();
    }

    /** The text without a sources list at its end, as {@link #append} writes it; other text is left as it is. */
    static String strip(String content) {
        int at = content.lastIndexOf(HEADING);
        if (at < 0) {
            return content;
        }
        String list = content.substring(at + HEADING.length()).strip();
        if (list.isEmpty() || !list.lines().allMatch(line -> SOURCE_LINE.matcher(line).matches())) {
            return content;
        }
        return content.substring(0, at).strip();
    }

    private static String oneLine(String text) {
        return WHITESPACE.matcher(text == null ? "" : text.strip()).replaceAll(" ");
    }
}
