package dev.cited.document;

import java.nio.file.Files;
import java.util.List;

/**
 * The layout of a Markdown document's served text, worked out when a reader opens it by parsing its file again:
 * the index keeps only the text, and parsing one file is quick. A file changed since it was indexed (its text no
 * longer the one served) gets no layout rather than a wrong one.
 */
public final class MarkdownLayout {
    private MarkdownLayout() {
    }

    /** True for documents whose source view can be rendered as Markdown. */
    public static boolean applies(Document document) {
        return MarkdownFormat.MEDIA_TYPE.equals(document.type());
    }

    /** The ranges of {@code document.text()} the Markdown marked up; empty when there are none to give. */
    public static List<MarkupSpan> of(Document document) {
        if (!applies(document) || document.file() == null || !Files.isRegularFile(document.file())) {
            return List.of();
        }
        try {
            MarkdownFormat.Parsed parsed = MarkdownFormat.parse(PlainTextFormat.utf8(document.file()));
            return parsed.text().equals(document.text()) ? parsed.layout() : List.of();
        } catch (UnreadableFile e) {
            return List.of();
        }
    }
}
