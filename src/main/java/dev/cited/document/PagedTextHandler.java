package dev.cited.document;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects the text of Tika's XHTML: block elements (paragraphs, headings, list items, table rows) become
 * lines of their own, table cells are joined by " | ", a {@code <div class="page">} starts a new page, and
 * nothing of {@code <head>}, scripts or styles is kept. Stops, with {@link TooLong}, past {@code maxChars}.
 */
final class PagedTextHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
            "br", "blockquote", "pre", "dt", "dd", "table", "ul", "ol", "section", "article", "header", "footer",
            "caption", "figcaption", "hr");
    private static final Set<String> HIDDEN = Set.of("head", "title", "script", "style", "meta");

    /** Thrown to stop a parse whose text is over the limit. */
    static final class TooLong extends SAXException {
        TooLong() {
            super("text over the size limit");
        }
    }

    private final int maxChars;
    private final List<String> pages = new ArrayList<>();
    private StringBuilder current = new StringBuilder();
    private boolean paginated;
    /** Depth of divs inside the current page; text of a paginated file outside its pages (the outline) is dropped. */
    private int pageDepth;
    private int hidden;
    /** Annotation divs being skipped (nested divs inside them are not expected). */
    private int hiddenDivs;
    private int total;

    PagedTextHandler(int maxChars) {
        this.maxChars = maxChars;
    }

    /** The text of each page (one entry for formats without pages), lines as the document broke them. */
    List<String> pages() {
        List<String> all = new ArrayList<>(pages);
        if (!current.toString().isBlank() || all.isEmpty()) {
            all.add(current.toString());
        }
        return all;
    }

    boolean paginated() {
        return paginated;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        String name = localName.isEmpty() ? qName : localName;
        if (HIDDEN.contains(name) || name.equals("div") && "annotation".equals(attributes.getValue("class"))) {
            hidden++; // a PDF's link annotations repeat what the page says, or say what it does not show
            hiddenDivs += name.equals("div") ? 1 : 0;
            return;
        }
        if (name.equals("div") && "page".equals(attributes.getValue("class"))) {
            if (paginated || !current.toString().isBlank()) {
                pages.add(current.toString());
            }
            current = new StringBuilder();
            paginated = true;
            pageDepth = 1;
        } else if (name.equals("div") && pageDepth > 0) {
            pageDepth++;
            paragraphBreak();
        } else if (name.equals("br")) {
            newline();
        } else if (BLOCKS.contains(name)) {
            paragraphBreak();
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        if (HIDDEN.contains(name)) {
            hidden--;
        } else if (name.equals("div") && hiddenDivs > 0 && hidden > 0) {
            hiddenDivs--;
            hidden--;
        } else if (name.equals("div") && pageDepth > 0) {
            pageDepth--;
            paragraphBreak();
        } else if (name.equals("td") || name.equals("th")) {
            current.append(" | ");
        } else if (BLOCKS.contains(name) && !name.equals("br")) {
            paragraphBreak();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (hidden > 0 || paginated && pageDepth == 0) {
            return; // the head, a script, or a PDF's outline after its pages
        }
        total += length;
        if (total > maxChars) {
            throw new TooLong();
        }
        current.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    /** A blank line: what follows is another paragraph, heading or item. */
    private void paragraphBreak() {
        newline();
        if (current.length() > 1 && current.charAt(current.length() - 2) != '\n') {
            current.append('\n');
        }
    }

    private void newline() {
        if (!current.isEmpty() && current.charAt(current.length() - 1) != '\n') {
            current.append('\n');
        }
    }
}
