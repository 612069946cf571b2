package dev.cited.openai;

import java.util.ArrayList;
import java.util.List;

/** Cuts a text into pieces of several words each, at whitespace, whose concatenation is the text exactly. */
final class TextChunks {
    /** Characters a piece reaches before it is cut at the next whitespace: several words. */
    static final int TARGET_CHARS = 48;

    private TextChunks() {
    }

    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            i++;
            // cut after a run of whitespace, once the piece is long enough
            if (i - start >= TARGET_CHARS && Character.isWhitespace(c)
                    && (i == text.length() || !Character.isWhitespace(text.charAt(i)))) {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }
}
