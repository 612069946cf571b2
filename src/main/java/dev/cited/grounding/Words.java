package dev.cited.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into {@link Word}s, marking those that open a sentence, a quotation or a list item. */
final class Words {
    private static final Pattern WORD = Pattern.compile(
            "(?:\\p{L}\\.){2,}" // U.S., e.g.
                    + "|\\p{L}[\\p{L}\\p{M}\\p{Nd}]*(?:['’]\\p{L}+)*" // Korea’s, don't
                    + "|\\d+(?:[.,]\\d+)*\\p{L}*"); // 13,000  6m  155mm  10th  1.5
    private static final String SENTENCE_ENDS = ".!?";
    private static final String OPENERS = "“‘\"([:;•\n";

    private Words() {
    }

    static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int previousEnd = -1;
        while (m.find()) {
            String between = previousEnd < 0 ? "" : text.substring(previousEnd, m.start());
            boolean opens = previousEnd < 0 || opensAfter(between);
            boolean hyphenated = between.equals("-") || between.equals("‑");
            words.add(Word.of(m.group(), m.start(), opens, hyphenated));
            previousEnd = m.end();
        }
        return words;
    }

    private static boolean opensAfter(String between) {
        String gap = between.strip();
        if (gap.isEmpty()) {
            return between.contains("\n");
        }
        if (gap.equals("-") || gap.equals("–") || gap.equals("—")) {
            return between.startsWith("\n") || between.contains("\n");
        }
        for (int i = 0; i < gap.length(); i++) {
            char c = gap.charAt(i);
            if (SENTENCE_ENDS.indexOf(c) >= 0 || OPENERS.indexOf(c) >= 0) {
                return true;
            }
        }
        return between.contains("\n");
    }
}
