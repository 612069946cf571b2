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
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Markdown parsed as Markdown (commonmark-java): the text served is what a reader sees, headings and
 * paragraphs on lines of their own, list items as "- …", table rows with " | " between cells, no "**", no
 * link targets, no YAML front matter; the title comes from the front matter's "title" or the first heading.
 */
final class MarkdownFormat implements DocumentFormat {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create(), TablesExtension.create())).build();

    @Override
    public Set<String> extensions() {
        return Set.of("md", "markdown");
    }

    @Override
    public Extracted read(Path file, int maxChars) throws UnreadableFile {
        Node root = PARSER.parse(PlainTextFormat.utf8(file));
        YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
        root.accept(frontMatter);
        TextWriter writer = new TextWriter();
        root.accept(writer);
        String text = writer.text();
        if (text.isBlank()) {
            throw UnreadableFile.skipped("empty file (no text besides front matter)");
        }
        if (text.length() > maxChars) {
            throw UnreadableFile.tooLong(maxChars);
        }
        return new Extracted(text, title(frontMatter.getData(), writer.firstHeading), "text/markdown", List.of());
    }

    private static String title(Map<String, List<String>> frontMatter, String firstHeading) {
        List<String> title = frontMatter.get("title");
        if (title != null && !title.isEmpty() && !title.get(0).isBlank()) {
            return title.get(0).strip().replaceAll("^[\"']|[\"']$", "");
        }
        return firstHeading;
    }

    /** Writes the blocks a reader sees, one after another, separated by blank lines. */
    private static final class TextWriter extends AbstractVisitor {
        private final StringBuilder out = new StringBuilder();
        private String firstHeading;

        String text() {
            return out.toString().strip();
        }

        private void endBlock() {
            trimTrailingSpaces();
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
        }

        private void trimTrailingSpaces() {
            while (!out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\n')) {
                out.setLength(out.length() - 1);
            }
        }

        @Override
        public void visit(Heading heading) {
            int start = out.length();
            visitChildren(heading);
            if (firstHeading == null) {
                firstHeading = out.substring(start).strip();
            }
            endBlock();
        }

        @Override
        public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            if (!(paragraph.getParent() instanceof ListItem)) {
                endBlock();
            }
        }

        @Override
        public void visit(BulletList list) {
            visitChildren(list);
            endBlock();
        }

        @Override
        public void visit(OrderedList list) {
            visitChildren(list);
            endBlock();
        }

        @Override
        public void visit(ListItem item) {
            trimTrailingSpaces();
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("- ");
            visitChildren(item);
        }

        @Override
        public void visit(FencedCodeBlock code) {
            out.append(code.getLiteral().stripTrailing());
            endBlock();
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            out.append(code.getLiteral().stripTrailing());
            endBlock();
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
            out.append(code.getLiteral());
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
                visitChildren(block);
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
                visitChildren(node);
                if (out.length() >= 3 && out.substring(out.length() - 3).equals(" | ")) {
                    out.setLength(out.length() - 3);
                }
            } else if (node instanceof TableCell) {
                visitChildren(node);
                out.append(" | ");
            } else if (!(node instanceof YamlFrontMatterNode)) {
                visitChildren(node);
            }
        }
    }
}
