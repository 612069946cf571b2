package dev.cited.document;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One gzip-compressed file ({@code changelog.gz}, {@code report.pdf.gz}): the file inside is read by its own
 * format, found by the name without ".gz" or, failing that, by its content. The text served is the inner
 * file's. Archives of many files (.tar.gz) are not unpacked: the user is told to unpack them.
 */
final class GzipFormat implements DocumentFormat {
    /** Bytes of inner file per character of text served, at most: UTF-8 takes up to four per character. */
    private static final long BYTES_PER_CHAR = 4;

    @Override
    public Set<String> extensions() {
        return Set.of("gz");
    }

    @Override
    public Extracted read(Path file, int maxChars) throws UnreadableFile {
        String inner = innerName(file.getFileName().toString());
        String innerExtension = DocumentFormats.extensionOf(Path.of(inner));
        if (innerExtension.equals("tar")) {
            throw UnreadableFile.skipped("a compressed archive of many files (.tar.gz): unpack it into the folder"
                    + " to index its files");
        }
        if (innerExtension.equals("gz")) {
            throw UnreadableFile.skipped("compressed twice (.gz.gz)");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("cited-gunzip");
            Path unpacked = folder.resolve(inner);
            long limit = BYTES_PER_CHAR * maxChars;
            if (!gunzip(file, unpacked, limit)) {
                throw UnreadableFile.skipped("over the size limit (expands to more than " + DocumentLoader.megabytes(limit)
                        + ")");
            }
            if (Files.size(unpacked) == 0) {
                throw UnreadableFile.skipped("empty file (inside gzip)");
            }
            DocumentFormat format;
            try {
                format = DocumentFormats.readerOf(unpacked);
            } catch (UnreadableFile unsupported) {
                throw UnreadableFile.skipped(unsupported.getMessage() + " (inside gzip)");
            }
            if (format == this) { // gzip inside, without a name saying so: not unpacked again
                throw UnreadableFile.skipped("unsupported type " + DocumentFormats.detect(unpacked) + " (inside gzip)");
            }
            return format.read(unpacked, maxChars);
        } catch (EOFException e) {
            throw UnreadableFile.failed("could not be parsed: damaged gzip data (it ends too soon)", e);
        } catch (ZipException e) {
            throw UnreadableFile.failed("could not be parsed: damaged gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw UnreadableFile.failed("could not be read: " + e.getMessage(), e);
        } finally {
            delete(folder);
        }
    }

    /** "changelog.Debian.gz" is "changelog.Debian", "notes.tgz" is "notes.tar", "x.gz" alone is "x". */
    static String innerName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tgz")) {
            return name.substring(0, name.length() - 4) + ".tar";
        }
        String inner = lower.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        return inner.isEmpty() || inner.startsWith(".") ? "file" + inner : inner;
    }

    /** Decompresses {@code from} into {@code to}; false, with nothing more written, once past {@code limit} bytes. */
    private static boolean gunzip(Path from, Path to, long limit) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(from));
             OutputStream out = Files.newOutputStream(to)) {
            byte[] buffer = new byte[64 * 1024];
            long written = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                written += n;
                if (written > limit) {
                    return false; // a bomb, or simply too large: stop before the disk fills
                }
                out.write(buffer, 0, n);
            }
            return true;
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is removed with the others by the system
        }
    }
}
