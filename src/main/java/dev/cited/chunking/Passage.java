package dev.cited.chunking;

import java.util.List;

/**
 * A few consecutive sentences of one document: the unit that is indexed, retrieved and cited from.
 *
 * @param id        "{documentId}#{ordinal}", unique and stable while the document is unchanged
 * @param sentences the sentences it holds, as offsets into the document
 * @param text      the document text in {@code [start, end)}
 */
public record Passage(String id, String documentId, String documentTitle, int ordinal, int start, int end,
                      String text, List<Span> sentences) {
    public Passage {
        sentences = List.copyOf(sentences);
    }

    /** The text of one of this passage's sentences (or any span inside the passage). */
    public String textOf(Span span) {
        return text.substring(span.start() - start, span.end() - start);
    }
}
