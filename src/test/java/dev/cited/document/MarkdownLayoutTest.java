package dev.cited.document;

import dev.cited.document.MarkupSpan.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Markdown document's layout: ranges of the served text, each covering exactly what its markup held. */
class MarkdownLayoutTest {
    private static final String GUIDE = """
            ---
            title: Field guide
            ---
            # Getting started

            Read **this** first, then [the manual](https://example.org/manual) and *not* [that](javascript:alert(1)).
            Run `cited serve` with [mail](mailto:ops@example.org) or [a file](notes.md).

            - one item
            - two **items**
              - nested one

            1. first
            2. second

            > A quoted line.

            | Country | Deal |
            | --- | --- |
            | Poland | $14 billion |

            ```
              indented code
            ```
            """;

    @TempDir
    Path dir;

    @Test
    void givenMarkdown_whenParsed_thenEachRangeCoversExactlyItsText() {
        MarkdownFormat.Parsed parsed = MarkdownFormat.parse(GUIDE);
        String text = parsed.text();
        List<MarkupSpan> layout = parsed.layout();

        assertEquals(List.of("Getting started"), texts(text, layout, Kind.HEADING));
        assertEquals(1, layout.stream().filter(s -> s.kind() == Kind.HEADING).findFirst().orElseThrow().level());
        assertEquals(List.of("this", "items"), texts(text, layout, Kind.STRONG));
        assertEquals(List.of("not"), texts(text, layout, Kind.EMPHASIS));
        assertEquals(List.of("cited serve"), texts(text, layout, Kind.CODE));
        assertEquals(List.of("one item", "two items\n- nested one", "nested one", "first", "second"),
                texts(text, layout, Kind.LIST_ITEM), "items without their \"- \"");
        assertEquals(List.of("- one item\n- two items\n- nested one", "- nested one"), texts(text, layout, Kind.BULLET_LIST));
        assertEquals(List.of("- first\n- second"), texts(text, layout, Kind.ORDERED_LIST));
        assertEquals(List.of("A quoted line."), texts(text, layout, Kind.BLOCK_QUOTE));
        assertEquals(List.of("Country | Deal\nPoland | $14 billion"), texts(text, layout, Kind.TABLE));
        assertEquals(List.of("Country | Deal", "Poland | $14 billion"), texts(text, layout, Kind.TABLE_ROW));
        assertEquals(List.of("Country", "Deal"), texts(text, layout, Kind.TABLE_HEADER_CELL));
        assertEquals(List.of("Poland", "$14 billion"), texts(text, layout, Kind.TABLE_CELL));
        assertEquals(List.of("  indented code"), texts(text, layout, Kind.CODE_BLOCK), "code keeps its indentation");

        // Only links a browser may follow safely are links; the others stay plain text.
        List<MarkupSpan> links = layout.stream().filter(s -> s.kind() == Kind.LINK).toList();
        assertEquals(List.of("the manual", "mail"), texts(text, layout, Kind.LINK));
        assertEquals(List.of("https://example.org/manual", "mailto:ops@example.org"),
                links.stream().map(MarkupSpan::href).toList());
        assertTrue(text.contains("and not that.") && text.contains("or a file."), text);
        layout.stream().filter(s -> s.kind() != Kind.LINK).forEach(s -> assertNull(s.href(), s.toString()));
    }

    @Test
    void givenTextWhoseStartIsStripped_whenParsed_thenTheRangesMoveWithIt() {
        MarkdownFormat.Parsed parsed = MarkdownFormat.parse("```\n   first\n```\n\n**After** it.\n");
        assertEquals("first\n\nAfter it.", parsed.text());
        assertEquals(List.of("first"), texts(parsed.text(), parsed.layout(), Kind.CODE_BLOCK));
        assertEquals(List.of("After"), texts(parsed.text(), parsed.layout(), Kind.STRONG));
    }

    @Test
    void givenALayout_thenItIsInDocumentOrderAndRangesNest() {
        MarkdownFormat.Parsed parsed = MarkdownFormat.parse(GUIDE);
        Deque<MarkupSpan> open = new ArrayDeque<>();
        int previousStart = 0;
        for (MarkupSpan span : parsed.layout()) {
            assertTrue(span.start() >= previousStart, "in document order: " + span);
            assertTrue(span.end() <= parsed.text().length(), span.toString());
            while (!open.isEmpty() && open.peek().end() <= span.start()) {
                open.pop();
            }
            assertTrue(open.isEmpty() || span.end() <= open.peek().end(), span + " runs out of " + open.peek());
            open.push(span);
            previousStart = span.start();
        }
        MarkupSpan first = parsed.layout().get(0);
        assertEquals(Kind.HEADING, first.kind(), "the blocks come before what they hold");
    }

    @Test
    void givenTheLayoutOfADocument_thenItIsOnlyGivenWhileTheFileStillReadsAsTheTextServed() throws Exception {
        Path file = Files.writeString(dir.resolve("guide.md"), GUIDE);
        Extracted read = new MarkdownFormat().read(file, 1_000_000);
        Document document = new Document("guide", read.title(), read.text(), read.type(), List.of(), file);
        assertTrue(MarkdownLayout.applies(document));
        assertEquals(MarkdownFormat.parse(GUIDE).layout(), MarkdownLayout.of(document));

        Files.writeString(file, GUIDE.replace("Getting started", "Getting going"));
        assertEquals(List.of(), MarkdownLayout.of(document), "a changed file gives no layout rather than a wrong one");
        assertEquals(List.of(), MarkdownLayout.of(new Document("notes", "Notes", "Plain text.")));
    }

    private static List<String> texts(String text, List<MarkupSpan> layout, Kind kind) {
        return layout.stream().filter(s -> s.kind() == kind).map(s -> text.substring(s.start(), s.end())).toList();
    }
}
