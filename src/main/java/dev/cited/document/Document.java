package dev.cited.document;

/**
 * A source document exactly as read: every citation offset is a char index into {@code text}.
 *
 * @param id    file name without extension
 * @param title headline or shortened opening sentence
 */
public record Document(String id, String title, String text) {
}
