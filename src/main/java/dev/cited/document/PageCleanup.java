package dev.cited.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns extracted pages into text fit to quote: running headers and footers (a line at the top or bottom
 * of many pages, page numbers ignored) and bare page numbers are dropped, words hyphenated across line
 * ends are joined, the lines of a paragraph become one line, and paragraphs are separated by a blank line.
 * In paginated text, lines of nothing but symbols (ornaments, rules, a bar of dingbats) are dropped, the
 * space between two sentences that the PDF lost is put back, footnote marks after punctuation go, and a blank
 * line inside a sentence (widely spaced lines) does not end its paragraph.
 */
final class PageCleanup {
    /** "12", "- 12 -", "Page 12", "12 of 40", "xii". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)\\s*(?:page\\s+)?[-–—]?\\s*(?:\\d{1,4}|[ivxlc]{1,6})\\s*[-–—]?\\s*(?:(?:of|/)\\s*\\d{1,4})?\\s*");
    /** A line is a running header or footer when it tops or ends at least this share of pages... */
    static final double RUNNING_SHARE = 0.4;
    /** ...and at least this many. */
    static final int RUNNING_MIN_PAGES = 3;

    private PageCleanup() {
    }

    /** The pages, cleaned, and where each starts once they are joined with blank lines between them. */
    static Extracted join(List<String> pages, String title, String type, boolean paginated) {
        List<List<String>> lines = new ArrayList<>();
        for (String page : pages) {
            List<String> pageLines = new ArrayList<>();
            for (String line : page.split("\n", -1)) {
                pageLines.add(paginated ? repaired(visualLine(clean(line))) : clean(line));
            }
            lines.add(pageLines);
        }
        if (paginated) {
            dropRunning(lines);
        }
        Set<String> words = paginated ? wordsWithin(lines) : Set.of();
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        for (List<String> page : lines) {
            String body = paragraphs(page, paginated, words);
            if (text.length() > 0) {
                continuePage(text, body, paginated, words);
            }
            starts.add(text.length());
            text.append(body);
        }
        return new Extracted(text.toString(), title, type, paginated ? starts : List.of());
    }

    /**
     * One line with control and invisible format characters removed (PDFs carry them; a sentence of nothing
     * else cannot be embedded) and runs of spaces, tabs and no-break spaces made one space.
     */
    static String clean(String line) {
        return SPACES.matcher(CONTROL.matcher(line).replaceAll("")).replaceAll(" ").strip();
    }

    /** A visual line of a page, or empty when it holds no letter or digit: nothing in it can be quoted or asked about. */
    static String visualLine(String line) {
        return LETTER_OR_DIGIT.matcher(line).find() ? line : "";
    }

    /**
     * A visual line with two things PDFs do to prose undone. The space lost between two sentences is put back
     * ("to fly.The court…"): a full stop after a lower-case word, then a capitalised word; abbreviations
     * ("e.g.", "U.S.", "Fig.") and names with a dot inside ("ASP.NET") do not match, as two lower-case letters
     * not following a capital must come before the stop. And footnote marks set right after a word's
     * punctuation ("the modem.1 Then", "argues,11 copyright") are dropped: read as part of the sentence, a
     * stray "1" looks like the number a question asks for.
     */
    static String repaired(String line) {
        return FOOTNOTE_MARK.matcher(GLUED_SENTENCES.matcher(line).replaceAll("$1 $2")).replaceAll("");
    }

    private static final Pattern GLUED_SENTENCES = Pattern.compile("((?<!\\p{Lu})\\p{Ll}{2}[.!?][”’\"')]?)(\\p{Lu}\\p{Ll})");
    private static final Pattern FOOTNOTE_MARK = Pattern.compile("(?<=\\p{Ll}[.,;:!?][”’\"')]?)\\d{1,3}(?=\\s|$)");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\n\\t]]|\uFFFD");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00a0\u2007\u202f]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** Removes page numbers and lines repeated at the top or bottom of many pages. */
    private static void dropRunning(List<List<String>> pages) {
        for (List<String> page : pages) {
            for (int i = 0; i < page.size(); i++) {
                if (!page.get(i).isEmpty() && PAGE_NUMBER.matcher(page.get(i)).matches()) {
                    page.set(i, ""); // first, so a column of line numbers does not hide the footer behind it
                }
            }
        }
        List<Map<String, Integer>> edgesByPage = pages.stream().map(PageCleanup::edgeLines).toList();
        Map<String, Integer> edges = new HashMap<>();
        for (Map<String, Integer> pageEdges : edgesByPage) {
            for (String edge : pageEdges.keySet()) {
                edges.merge(edge, 1, Integer::sum);
            }
        }
        int needed = Math.max(RUNNING_MIN_PAGES, (int) Math.ceil(RUNNING_SHARE * pages.size()));
        for (int p = 0; p < pages.size(); p++) {
            List<String> page = pages.get(p);
            for (Map.Entry<String, Integer> edge : edgesByPage.get(p).entrySet()) {
                // "“PIRACY” 47": a chapter's running header carries the page number, and runs through the chapter
                boolean numbered = edge.getKey().contains("#");
                if (edges.get(edge.getKey()) >= (numbered ? RUNNING_MIN_PAGES : needed)) {
                    page.set(edge.getValue(), "");
                }
            }
        }
    }

    /** How many lines at the top and at the bottom of a page may be running headers or footers. */
    static final int EDGE_LINES = 6;

    /** The first and last {@link #EDGE_LINES} non-empty lines of a page, digits folded, by their index. */
    private static Map<String, Integer> edgeLines(List<String> page) {
        Map<String, Integer> edges = new LinkedHashMap<>();
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (!page.get(i).isEmpty()) {
                filled.add(i);
            }
        }
        for (int k = 0; k < filled.size(); k++) {
            if (k < EDGE_LINES || k >= filled.size() - EDGE_LINES) {
                int i = filled.get(k);
                edges.putIfAbsent(DIGITS.matcher(page.get(i)).replaceAll("#").toLowerCase(java.util.Locale.ROOT), i);
            }
        }
        return edges;
    }

    /**
     * Ends the text so far before the next page's: a paragraph break, unless the page ended mid-sentence and
     * the next goes on in lower case ("objects' rep-" / "resentations are…"), when the sentence continues.
     */
    private static void continuePage(StringBuilder text, String next, boolean paginated, Set<String> words) {
        int last = text.length() - 1;
        boolean continues = paginated && !next.isEmpty() && Character.isLowerCase(next.charAt(0))
                && ".!?:;\"”’)]".indexOf(text.charAt(last)) < 0;
        if (!continues) {
            text.append("\n\n");
        } else if (text.charAt(last) == '-' && last > 0 && Character.isLetter(text.charAt(last - 1))) {
            String joiner = hyphenJoiner(text, next, words);
            text.setLength(last);
            text.append(joiner);
        } else {
            text.append(' ');
        }
    }

    /** Every word written within a line, hyphenated ones included: the document's own spelling. */
    private static Set<String> wordsWithin(List<List<String>> pages) {
        Set<String> words = new HashSet<>();
        for (List<String> page : pages) {
            for (String line : page) {
                Matcher m = WORD.matcher(line);
                while (m.find()) {
                    boolean brokenAtTheEnd = m.end() == line.length() - 1 && line.endsWith("-");
                    if (!brokenAtTheEnd) {
                        words.add(m.group().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return words;
    }

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    private static final Pattern WORD_START = Pattern.compile("^\\p{L}+");
    private static final Pattern WORD_END = Pattern.compile("\\p{L}+$");

    /**
     * What a hyphen at a line's end becomes when the word goes on at the next line's start: nothing ("exam-" +
     * "ple"), or itself ("mixed-" + "mode" where the document writes "mixed-mode" elsewhere; "Glaxo-" +
     * "SmithKline" unless it writes "GlaxoSmithKline"). The document's own spelling decides; failing that, a
     * lower-case continuation is one word and a capital starts a compound.
     */
    private static String hyphenJoiner(CharSequence before, String after, Set<String> words) {
        Matcher left = WORD_END.matcher(before.subSequence(0, before.length() - 1));
        Matcher right = WORD_START.matcher(after);
        if (!left.find() || !right.find()) {
            return "";
        }
        String joined = (left.group() + right.group()).toLowerCase(java.util.Locale.ROOT);
        String hyphenated = (left.group() + "-" + right.group()).toLowerCase(java.util.Locale.ROOT);
        if (words.contains(hyphenated) && !words.contains(joined)) {
            return "-";
        }
        return Character.isLowerCase(after.charAt(0)) || words.contains(joined) ? "" : "-";
    }

    /**
     * Lines into paragraphs: an empty line ends one. In paginated (PDF) text a line is a visual line, so
     * lines join with a space and a hyphen at a line end joins the word; elsewhere each line is a paragraph.
     */
    private static String paragraphs(List<String> lines, boolean visualLines, Set<String> words) {
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (visualLines && line.isEmpty() && midSentence(paragraph, lines, i)) {
                continue; // a blank between widely spaced lines of one sentence (double spacing) ends nothing
            }
            if (line.isEmpty() || !visualLines) {
                flush(out, paragraph);
                if (!line.isEmpty()) {
                    paragraph.append(line);
                    flush(out, paragraph);
                }
                continue;
            }
            if (paragraph.length() > 0) {
                int last = paragraph.length() - 1;
                boolean hyphenated = paragraph.charAt(last) == '-' && last > 0
                        && Character.isLetter(paragraph.charAt(last - 1)) && Character.isLetter(line.charAt(0));
                if (hyphenated) {
                    String joiner = hyphenJoiner(paragraph, line, words); // "exam-" + "ple" is "example"
                    paragraph.setLength(last);
                    paragraph.append(joiner);
                } else {
                    paragraph.append(' ');
                }
            }
            paragraph.append(line);
        }
        flush(out, paragraph);
        return out.toString();
    }

    /**
     * Whether the blank lines from {@code at} fall inside a sentence: the paragraph so far stops without a
     * sentence's end (on a letter, digit, comma or hyphen) and the next line goes on in lower case. PDFs set
     * with wide line spacing come out of extraction with a blank line after every line.
     */
    private static boolean midSentence(CharSequence paragraph, List<String> lines, int at) {
        if (paragraph.length() == 0) {
            return false;
        }
        char last = paragraph.charAt(paragraph.length() - 1);
        if (!Character.isLetterOrDigit(last) && last != ',' && last != '-' && last != ';') {
            return false;
        }
        int next = at;
        while (next < lines.size() && lines.get(next).isEmpty()) {
            next++;
        }
        return next < lines.size() && Character.isLowerCase(lines.get(next).codePointAt(0));
    }

    private static void flush(StringBuilder out, StringBuilder paragraph) {
        if (paragraph.length() == 0) {
            return;
        }
        if (out.length() > 0) {
            out.append("\n\n");
        }
        out.append(paragraph);
        paragraph.setLength(0);
    }
}
