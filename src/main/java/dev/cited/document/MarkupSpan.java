package dev.cited.document;

/**
 * One piece of a Markdown document's layout: a range {@code [start, end)} of the text Cited serves that the
 * source was marked up as (a heading, a list item, strong emphasis, a link…), so a reader can see it rendered
 * while every character keeps its offset. Ranges of one layout nest like the elements they stand for.
 *
 * @param level the heading's level (1–6); 0 for other kinds
 * @param href  a link's target, only http, https or mailto; null for other kinds
 */
public record MarkupSpan(Kind kind, int start, int end, int level, String href) {

    /** What a range was in the Markdown source. */
    public enum Kind {
        HEADING, PARAGRAPH, BLOCK_QUOTE, BULLET_LIST, ORDERED_LIST, LIST_ITEM, CODE_BLOCK,
        TABLE, TABLE_ROW, TABLE_HEADER_CELL, TABLE_CELL, EMPHASIS, STRONG, CODE, LINK
    }

    public MarkupSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("not a range: [" + start + ", " + end + ")");
        }
    }
}
