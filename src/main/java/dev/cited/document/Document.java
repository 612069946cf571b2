package dev.cited.document;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * A source document as Cited serves it: every citation offset is a char index into {@code text}, the text
 * extracted from its file.
 *
 * @param id         path below the documents folder without its extension ("guide/install")
 * @param title      from the file's metadata or first heading, else a headline, else its readable name
 * @param text       the extracted text (for plain text files, the file itself)
 * @param type       media type of the file ("text/plain", "text/markdown", "application/pdf", …)
 * @param pageStarts for paginated formats, the offset in {@code text} where each page starts (page 1 first);
 *                   empty otherwise
 * @param file       the original file, served as it is; null for documents not read from a file
 */
public record Document(String id, String title, String text, String type, List<Integer> pageStarts, Path file) {
    public Document {
        pageStarts = List.copyOf(pageStarts);
    }

    /** A plain text document not read from a file (tests, fixtures). */
    public Document(String id, String title, String text) {
        this(id, title, text, "text/plain", List.of(), null);
    }

    /** Number of pages, 0 for formats without pages. */
    public int pages() {
        return pageStarts.size();
    }

    /** The 1-based page holding {@code offset}, or null for formats without pages. */
    public Integer pageAt(int offset) {
        return pageAt(pageStarts, offset);
    }

    /** The 1-based page of {@code offset} given the pages' start offsets, or null when there are none. */
    public static Integer pageAt(List<Integer> pageStarts, int offset) {
        if (pageStarts.isEmpty()) {
            return null;
        }
        int i = Collections.binarySearch(pageStarts, offset);
        return i >= 0 ? i + 1 : Math.max(1, -i - 1);
    }
}
