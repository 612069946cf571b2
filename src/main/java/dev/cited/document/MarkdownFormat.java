package dev.cited.document;

import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterNode;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Markdown parsed as Markdown (commonmark-java): the text served is what a reader sees, headings and
 * paragraphs on lines of their own, list items as "- …", table rows with " | " between cells, no "**", no
 * link targets, no YAML front matter; the title comes from the front matter's "title" or the first heading.
 * Parsing also yields the text's layout ({@link MarkupSpan}s), for a source view rendered as Markdown.
 */
final class MarkdownFormat implements DocumentFormat {
    static final String MEDIA_TYPE = "text/markdown";
    private static final Set<String> SAFE_LINK_SCHEMES = Set.of("http", "https", "mailto");

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create(), TablesExtension.create())).build();

    @Override
    public Set<String> extensions() {
        return Set.of("md", "markdown");
    }

    @Override
    public Extracted read(Path file, int maxChars) throws UnreadableFile {
        Parsed parsed = parse(PlainTextFormat.utf8(file));
        if (parsed.text().isBlank()) {
            throw UnreadableFile.skipped("empty file (no text besides front matter)");
        }
        if (parsed.text().length() > maxChars) {
            throw UnreadableFile.tooLong(maxChars);
        }
        return new Extracted(parsed.text(), parsed.title(), MEDIA_TYPE, List.of());
    }

    /**
     * A Markdown source read.
     *
     * @param layout ranges of {@code text}, in document order, each container before what it holds
     */
    record Parsed(String text, String title, List<MarkupSpan> layout) {
    }

    static Parsed parse(String markdown) {
        Node root = PARSER.parse(markdown);
        YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
        root.accept(frontMatter);
        TextWriter writer = new TextWriter();
        root.accept(writer);
        return new Parsed(writer.text(), title(frontMatter.getData(), writer.firstHeading), writer.layout());
    }

    /** A link's target when a browser may follow it safely (http, https, mailto); null otherwise. */
    static String safeHref(String destination) {
        if (destination == null || destination.isBlank()) {
            return null;
        }
        try {
            String scheme = new URI(destination.strip()).getScheme();
            return scheme != null && SAFE_LINK_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))
                    ? destination.strip() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String title(Map<String, List<String>> frontMatter, String firstHeading) {
        List<String> title = frontMatter.get("title");
        if (title != null && !title.isEmpty() && !title.get(0).isBlank()) {
            return title.get(0).strip().replaceAll("^[\"']|[\"']$", "");
        }
        return firstHeading;
    }

    /**
     * Writes the blocks a reader sees, one after another, separated by blank lines, and notes the range each
     * marked-up node covers. Ranges are kept as the text is written and cut back with it when trailing blanks are
     * trimmed, so they always index into the final text.
     */
    private static final class TextWriter extends AbstractVisitor {
        private final StringBuilder out = new StringBuilder();
        private final Deque<Open> open = new ArrayDeque<>();
        /** Closed ranges in the order they closed: their ends never decrease, which {@link #cut} relies on. */
        private final List<Closed> closed = new ArrayList<>();
        private String firstHeading;

        /** A node being written: where it started, how deep it sits. */
        private static final class Open {
            final MarkupSpan.Kind kind;
            final int level;
            final String href;
            final int depth;
            int start;

            Open(MarkupSpan.Kind kind, int level, String href, int depth, int start) {
                this.kind = kind;
                this.level = level;
                this.href = href;
                this.depth = depth;
                this.start = start;
            }
        }

        private record Closed(MarkupSpan.Kind kind, int start, int end, int level, String href, int depth) {
        }

        String text() {
            return out.toString().strip();
        }

        /** The ranges, moved by what {@link #text} strips, each without the newlines at its edges. */
        List<MarkupSpan> layout() {
            String all = out.toString();
            int lead = all.length() - all.stripLeading().length();
            int length = all.strip().length();
            String text = all.strip();
            List<Closed> spans = new ArrayList<>();
            for (Closed c : closed) {
                int start = Math.min(Math.max(c.start() - lead, 0), length);
                int end = Math.min(Math.max(c.end() - lead, 0), length);
                while (start < end && text.charAt(start) == '\n') {
                    start++;
                }
                while (end > start && text.charAt(end - 1) == '\n') {
                    end--;
                }
                if (end > start) {
                    spans.add(new Closed(c.kind(), start, end, c.level(), c.href(), c.depth()));
                }
            }
            // Document order; of two ranges starting together the longer (the container) first, and of equal
            // ranges the outer node first.
            spans.sort(Comparator.comparingInt(Closed::start).thenComparing(Comparator.comparingInt(Closed::end)
                    .reversed()).thenComparingInt(Closed::depth));
            return spans.stream().map(c -> new MarkupSpan(c.kind(), c.start(), c.end(), c.level(), c.href())).toList();
        }

        private void begin(MarkupSpan.Kind kind) {
            begin(kind, 0, null);
        }

        private void begin(MarkupSpan.Kind kind, int level, String href) {
            open.push(new Open(kind, level, href, open.size(), out.length()));
        }

        private void end() {
            Open node = open.pop();
            if (out.length() > node.start) {
                closed.add(new Closed(node.kind, node.start, out.length(), node.level, node.href, node.depth));
            }
        }

        /** Shortens the text, and every range with it. */
        private void cut(int length) {
            out.setLength(length);
            for (Open node : open) {
                node.start = Math.min(node.start, length);
            }
            for (int i = closed.size() - 1; i >= 0 && closed.get(i).end() > length; i--) {
                Closed c = closed.get(i);
                closed.set(i, new Closed(c.kind(), Math.min(c.start(), length), length, c.level(), c.href(), c.depth()));
            }
        }

        private void endBlock() {
            trimTrailingSpaces();
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
        }

        private void trimTrailingSpaces() {
            int length = out.length();
            while (length > 0 && (out.charAt(length - 1) == ' ' || out.charAt(length - 1) == '\n')) {
                length--;
            }
            if (length < out.length()) {
                cut(length);
            }
        }

        @Override
        public void visit(Heading heading) {
            int start = out.length();
            begin(MarkupSpan.Kind.HEADING, heading.getLevel(), null);
            visitChildren(heading);
            end();
            if (firstHeading == null) {
                firstHeading = out.substring(start).strip();
            }
            endBlock();
        }

        @Override
        public void visit(Paragraph paragraph) {
            boolean inItem = paragraph.getParent() instanceof ListItem; // written inline, as an HTML tight list
            if (!inItem) {
                begin(MarkupSpan.Kind.PARAGRAPH);
            }
            visitChildren(paragraph);
            if (!inItem) {
                end();
                endBlock();
            }
        }

        @Override
        public void visit(BlockQuote quote) {
            begin(MarkupSpan.Kind.BLOCK_QUOTE);
            visitChildren(quote);
            trimTrailingSpaces();
            end();
            endBlock();
        }

        @Override
        public void visit(BulletList list) {
            begin(MarkupSpan.Kind.BULLET_LIST);
            visitChildren(list);
            trimTrailingSpaces();
            end();
            endBlock();
        }

        @Override
        public void visit(OrderedList list) {
            begin(MarkupSpan.Kind.ORDERED_LIST);
            visitChildren(list);
            trimTrailingSpaces();
            end();
            endBlock();
        }

        @Override
        public void visit(ListItem item) {
            trimTrailingSpaces();
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("- ");
            begin(MarkupSpan.Kind.LIST_ITEM);
            visitChildren(item);
            trimTrailingSpaces();
            end();
        }

        @Override
        public void visit(FencedCodeBlock code) {
            codeBlock(code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            codeBlock(code.getLiteral());
        }

        private void codeBlock(String literal) {
            begin(MarkupSpan.Kind.CODE_BLOCK);
            out.append(literal.stripTrailing());
            end();
            endBlock();
        }

        @Override
        public void visit(Emphasis emphasis) {
            begin(MarkupSpan.Kind.EMPHASIS);
            visitChildren(emphasis);
            end();
        }

        @Override
        public void visit(StrongEmphasis strong) {
            begin(MarkupSpan.Kind.STRONG);
            visitChildren(strong);
            end();
        }

        @Override
        public void visit(Link link) {
            String href = safeHref(link.getDestination());
            if (href == null) { // shown as its text: a relative or script link leads nowhere a reader should go
                visitChildren(link);
                return;
            }
            begin(MarkupSpan.Kind.LINK, 0, href);
            visitChildren(link);
            end();
        }

        @Override
        public void visit(HtmlBlock html) {
            // raw HTML is markup, not text
        }

        @Override
        public void visit(HtmlInline html) {
            // raw HTML is markup, not text
        }

        @Override
        public void visit(ThematicBreak rule) {
            // a rule between sections says nothing
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            begin(MarkupSpan.Kind.CODE);
            out.append(code.getLiteral());
            end();
        }

        @Override
        public void visit(Image image) {
            visitChildren(image); // its alt text
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof TableBlock) {
                begin(MarkupSpan.Kind.TABLE);
                visitChildren(block);
                trimTrailingSpaces();
                end();
                endBlock();
            } else if (!(block instanceof YamlFrontMatterBlock)) {
                visitChildren(block);
            }
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof TableRow) {
                trimTrailingSpaces();
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                begin(MarkupSpan.Kind.TABLE_ROW);
                visitChildren(node);
                if (out.length() >= 3 && out.substring(out.length() - 3).equals(" | ")) {
                    cut(out.length() - 3);
                }
                end();
            } else if (node instanceof TableCell cell) {
                begin(cell.isHeader() ? MarkupSpan.Kind.TABLE_HEADER_CELL : MarkupSpan.Kind.TABLE_CELL);
                visitChildren(node);
                end();
                out.append(" | ");
            } else if (!(node instanceof YamlFrontMatterNode)) {
                visitChildren(node);
            }
        }
    }
}
