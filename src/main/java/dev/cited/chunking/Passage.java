package dev.cited.chunking;

import java.util.List;

/**
 * A few consecutive sentences of one document: the unit that is indexed, retrieved and cited from.
 *
 * @param id        "{documentId}#{ordinal}", unique and stable while the document is unchanged
 * @param sentences the sentences it holds, as offsets into the document
 * @param text      the document text in {@code [start, end)}
 * @param pageStarts the document's page starts (shared, not copied), empty for formats without pages
 */
public record Passage(String id, String documentId, String documentTitle, int ordinal, int start, int end,
                      String text, List<Span> sentences, List<Integer> pageStarts) {
    public Passage {
        sentences = List.copyOf(sentences);
    }

    /** The 1-based page of the document holding {@code offset}, or null for formats without pages. */
    public Integer pageAt(int offset) {
        return dev.cited.document.Document.pageAt(pageStarts, offset);
    }

    /** The text of one of this passage's sentences (or any span inside the passage). */
    public String textOf(Span span) {
        return text.substring(span.start() - start, span.end() - start);
    }
}
