package dev.cited.citation;

/**
 * One numbered source of an answer: {@code quote} is exactly the document text in {@code [start, end)}.
 */
public record Citation(int marker, String documentId, String title, String quote, int start, int end) {
}
