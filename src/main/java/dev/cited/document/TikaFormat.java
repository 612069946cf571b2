package dev.cited.document;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PDF, Word, PowerPoint, Excel, OpenDocument, RTF, EPUB, HTML and e-mail through Apache Tika. The text
 * served is the extracted text, paragraphs and headings on lines of their own, PDF pages recorded with
 * running headers, footers and page numbers left out ({@link PageCleanup}). Embedded files (attachments,
 * pictures) are not read: a mail's body is its text.
 */
final class TikaFormat implements DocumentFormat {
    /** The extensions read, and the media type each must really have (a binary named ".pdf" is not a PDF). */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("doc", "application/msword"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
            Map.entry("rtf", "application/rtf"),
            Map.entry("epub", "application/epub+zip"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("xhtml", "application/xhtml+xml"),
            Map.entry("eml", "message/rfc822"));

    private static final String ZIP_BOMB = "looks like a zip bomb (expands far beyond its size)";

    private final Parser parser = new AutoDetectParser();

    @Override
    public Set<String> extensions() {
        return EXPECTED.keySet();
    }

    @Override
    public Extracted read(Path file, int maxChars) throws UnreadableFile {
        String extension = DocumentFormats.extensionOf(file);
        String detected = DocumentFormats.detect(file);
        String expected = EXPECTED.get(extension);
        if (expected != null && !sameFamily(expected, detected)) {
            throw UnreadableFile.failed("could not be parsed: not a " + extension.toUpperCase(Locale.ROOT)
                    + " file (its content is " + detected + ")", null);
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        PagedTextHandler handler = new PagedTextHandler(maxChars);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        context.set(EmbeddedDocumentExtractor.class, NO_EMBEDDED);
        try (InputStream in = Files.newInputStream(file)) {
            parser.parse(in, handler, metadata, context);
        } catch (PagedTextHandler.TooLong e) {
            throw UnreadableFile.tooLong(maxChars);
        } catch (EncryptedDocumentException e) {
            throw UnreadableFile.skipped(extension.equals("pdf") ? "encrypted PDF" : "encrypted file (password-protected)");
        } catch (ZeroByteFileException e) {
            throw UnreadableFile.skipped("empty file");
        } catch (UnsupportedFormatException e) {
            throw UnreadableFile.skipped("unsupported type " + detected);
        } catch (TikaException e) {
            throw failure(e, extension);
        } catch (SAXException | IOException | RuntimeException e) {
            if (plain(e).toLowerCase(Locale.ROOT).contains("zip bomb")) {
                throw UnreadableFile.skipped(ZIP_BOMB);
            }
            throw UnreadableFile.failed("could not be parsed: " + damaged(extension) + plain(e), e);
        }
        Extracted extracted = PageCleanup.join(handler.pages(), metadata.get(TikaCoreProperties.TITLE), detected,
                handler.paginated());
        if (extracted.text().isBlank()) {
            if ("true".equals(metadata.get("pdf:encrypted"))) {
                throw UnreadableFile.skipped("encrypted PDF"); // its text may not be extracted without the password
            }
            throw UnreadableFile.skipped(handler.paginated() ? "no extractable text (scanned image?)" : "no text");
        }
        return extracted;
    }

    private static UnreadableFile failure(TikaException e, String extension) {
        String message = plain(e);
        if (message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
            return UnreadableFile.skipped(ZIP_BOMB);
        }
        return UnreadableFile.failed("could not be parsed: " + damaged(extension) + message, e);
    }

    /** "damaged or not really a PDF (…)": what a parser's complaint usually means to a user. */
    private static String damaged(String extension) {
        return "damaged or not really a " + extension.toUpperCase(Locale.ROOT) + " file; the parser says: ";
    }

    /** The innermost message, without Java class names. */
    private static String plain(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null || t.getMessage().isBlank() ? "the file is damaged" : t.getMessage();
        message = message.replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "").strip();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /** "application/xhtml+xml" for ".html" is fine; "application/octet-stream" for ".pdf" is not. */
    private static boolean sameFamily(String expected, String detected) {
        if (detected.equals(expected)) {
            return true;
        }
        boolean html = expected.contains("html") && detected.contains("html");
        boolean office = (expected.startsWith("application/vnd.openxmlformats") || expected.startsWith("application/vnd.ms")
                || expected.equals("application/msword")) && (detected.startsWith("application/vnd.openxmlformats")
                || detected.startsWith("application/vnd.ms") || detected.equals("application/msword")
                || detected.equals("application/x-tika-ooxml") || detected.equals("application/x-tika-msoffice"));
        boolean encrypted = detected.equals("application/x-tika-ooxml-protected");
        return html || office || encrypted || expected.equals("message/rfc822") && detected.startsWith("message/");
    }

    /** Attachments and pictures inside a file are not part of its text. */
    private static final EmbeddedDocumentExtractor NO_EMBEDDED = new EmbeddedDocumentExtractor() {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // not parsed
        }
    };
}
