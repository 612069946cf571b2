package dev.cited.document;

import org.apache.tika.Tika;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The formats Cited reads, looked up by file extension (as Lucene looks up its codecs by name). */
public final class DocumentFormats {
    private static final Tika DETECTOR = new Tika();
    private static final List<DocumentFormat> ALL = List.of(new PlainTextFormat(), new MarkdownFormat(),
            new TikaFormat(), new GzipFormat());
    private static final Map<String, DocumentFormat> BY_EXTENSION = new LinkedHashMap<>();

    static {
        for (DocumentFormat format : ALL) {
            format.extensions().forEach(e -> BY_EXTENSION.put(e, format));
        }
    }

    private DocumentFormats() {
    }

    /** The format that reads {@code file}, by its extension; empty for a type Cited does not read. */
    public static Optional<DocumentFormat> forFile(Path file) {
        return Optional.ofNullable(BY_EXTENSION.get(extensionOf(file)));
    }

    /**
     * The format that reads {@code file}: by its extension, else by the media type of its content (detected
     * only then, and once).
     *
     * @throws UnreadableFile when no format reads it ({@link UnreadableFile#unsupported}, with the type detected)
     */
    static DocumentFormat readerOf(Path file) throws UnreadableFile {
        Optional<DocumentFormat> format = forFile(file);
        if (format.isPresent()) {
            return format.get();
        }
        String type = detect(file);
        return forType(type).orElseThrow(() -> UnreadableFile.unsupported(type));
    }

    /**
     * The format that reads files of a detected media type, for a file whose name says nothing Cited knows
     * ({@code README}, {@code copyright}, {@code notes.log}): text/plain, or a type whose usual extension a
     * format reads (a PDF without ".pdf"). Empty for types Cited does not read.
     */
    public static Optional<DocumentFormat> forType(String mediaType) {
        try {
            MimeType type = MimeTypes.getDefaultMimeTypes().forName(mediaType);
            return type.getExtensions().stream()
                    .map(e -> BY_EXTENSION.get(e.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT)))
                    .filter(java.util.Objects::nonNull).findFirst();
        } catch (MimeTypeException e) {
            return Optional.empty();
        }
    }

    /** Every extension read, sorted: for a user told which files are accepted. */
    public static List<String> extensions() {
        return BY_EXTENSION.keySet().stream().sorted().toList();
    }

    static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The media type of content not yet stored, by its first bytes and its name (an upload's). */
    public static String detect(java.io.InputStream content, String name) {
        try (java.io.InputStream in = new java.io.BufferedInputStream(content)) {
            return DETECTOR.detect(in, name);
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    /** The media type of the file by its content and name ("application/pdf", "audio/mpeg"). */
    public static String detect(Path file) {
        try {
            return DETECTOR.detect(file);
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
