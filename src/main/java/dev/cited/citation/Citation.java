package dev.cited.citation;

/**
 * One numbered source of an answer: {@code quote} is exactly the document text in {@code [start, end)}.
 *
 * @param page the 1-based page the quote starts on, for paginated documents (PDF); absent otherwise
 */
public record Citation(int marker, String documentId, String title, String quote, int start, int end,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                       Integer page) {
    public Citation(int marker, String documentId, String title, String quote, int start, int end) {
        this(marker, documentId, title, quote, start, end, null);
    }
}
