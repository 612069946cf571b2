package dev.cited.citation;

/**
 * An exact piece of a document that supports a claim: {@code text} equals the document text in
 * {@code [start, end)}.
 *
 * @param page the 1-based page it starts on, for paginated documents; null otherwise
 */
public record Quote(String documentId, String title, int start, int end, String text, Integer page) {
    public Quote {
        if (end - start != text.length()) {
            throw new IllegalArgumentException("Quote text does not match its offsets");
        }
    }

    public Quote(String documentId, String title, int start, int end, String text) {
        this(documentId, title, start, end, text, null);
    }

    public Citation toCitation(int marker) {
        return new Citation(marker, documentId, title, text, start, end, page);
    }
}
