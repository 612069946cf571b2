package dev.cited.citation;

/**
 * An exact piece of a document that supports a claim: {@code text} equals the document text in
 * {@code [start, end)}.
 */
public record Quote(String documentId, String title, int start, int end, String text) {
    public Quote {
        if (end - start != text.length()) {
            throw new IllegalArgumentException("Quote text does not match its offsets");
        }
    }

    public Citation toCitation(int marker) {
        return new Citation(marker, documentId, title, text, start, end);
    }
}
