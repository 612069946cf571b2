package dev.cited.document;

import java.util.List;

/**
 * What a format reads from a file.
 *
 * @param title      from the file itself (metadata, front matter, first heading), or null when it has none
 * @param pageStarts offsets in {@code text} where pages start; empty for formats without pages
 */
public record Extracted(String text, String title, String type, List<Integer> pageStarts) {
    public Extracted {
        pageStarts = List.copyOf(pageStarts);
    }
}
