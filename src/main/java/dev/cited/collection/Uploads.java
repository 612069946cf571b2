package dev.cited.collection;

import dev.cited.document.DocumentFormats;
import dev.cited.document.FileReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Files added to and removed from the collection through the API. A request is checked as a whole before
 * anything is stored (names, types, sizes), so a rejected request changes nothing. Each file is written
 * beside the others under a hidden name and moved into place whole, then read and indexed; one that
 * cannot be served (corrupt, encrypted, no text) is taken out again, and a file it replaced is put back,
 * so the folder never fills with files nobody can ask about.
 */
public final class Uploads {
    /** Files one request may carry. */
    public static final int MAX_FILES = 100;
    private static final int MAX_NAME_LENGTH = 200;
    private static final String TEMP_PREFIX = ".cited-upload-";
    /** Where deleted documents' files go, inside the documents folder (hidden, so never read). */
    public static final String TRASH = ".cited-deleted";

    private final LiveCollection collection;
    private final Path folder;
    private final long maxFileBytes;

    public Uploads(LiveCollection collection) {
        this.collection = collection;
        this.folder = collection.loader().folder();
        this.maxFileBytes = collection.loader().limits().maxFileBytes();
    }

    /** A file sent to be added: the name it was sent with, its size, and a way to read it. */
    public record IncomingFile(String name, long size, Content content) {
    }

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** What became of one file sent: the name stored under and its report (indexed, or why not). */
    public record Added(String name, FileReport report) {
    }

    /** A request that cannot be taken as it is; nothing of it was stored. */
    public static final class Rejected extends RuntimeException {
        public enum Kind { BAD_REQUEST, TOO_LARGE, UNSUPPORTED }

        private final Kind kind;

        Rejected(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    /** Stores, reads and indexes {@code files}; each is answerable with BM25 when this returns. */
    public synchronized List<Added> add(List<IncomingFile> files) {
        List<String> names = check(files);
        List<Stored> stored = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                stored.add(store(files.get(i), names.get(i)));
            }
        } catch (IOException | RuntimeException e) {
            stored.forEach(Stored::undo);
            collection.refresh();
            throw e instanceof Rejected r ? r : new UncheckedIOException("Cannot store the files: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        collection.refresh();
        List<Added> added = new ArrayList<>();
        boolean undone = false;
        for (Stored s : stored) {
            FileReport report = reportOf(s.name()).orElseThrow();
            if (report.status() == FileReport.Status.INDEXED) {
                s.keep();
            } else {
                s.undo();
                undone = true;
            }
            added.add(new Added(s.name(), report));
        }
        if (undone) {
            collection.refresh();
        }
        return added;
    }

    /**
     * Takes a document out of the collection: its file moves to the hidden {@value #TRASH} folder (not read,
     * and not lost: moved back, it is served again). Empty when no document has that id.
     */
    public synchronized Optional<String> delete(String documentId) {
        Optional<FileReport> file = collection.files().stream()
                .filter(f -> documentId.equals(f.documentId())).findFirst();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String path = file.get().path();
        try {
            Path trash = Files.createDirectories(folder.resolve(TRASH));
            String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path source = folder.resolve(path);
            if (Files.exists(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.move(source, trash.resolve(stamp + "-" + path.replace('/', '_')), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + path + ": " + e.getMessage(), e);
        }
        collection.refresh();
        return Optional.of(path);
    }

    /** The names the files will be stored under, once every file has passed. */
    private List<String> check(List<IncomingFile> files) {
        if (files.isEmpty()) {
            throw new Rejected(Rejected.Kind.BAD_REQUEST,
                    "No files were sent: send one or more as multipart/form-data parts named 'files'");
        }
        if (files.size() > MAX_FILES) {
            throw new Rejected(Rejected.Kind.BAD_REQUEST, files.size() + " files were sent; send at most " + MAX_FILES
                    + " at a time");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (IncomingFile file : files) {
            String name = nameOf(file.name());
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new Rejected(Rejected.Kind.BAD_REQUEST, "'" + name + "' was sent twice");
            }
            if (!readable(file, name)) {
                throw new Rejected(Rejected.Kind.UNSUPPORTED, "'" + name + "' is not a type Cited reads. It reads "
                        + String.join(", ", DocumentFormats.extensions()) + " files, and plain text without an extension");
            }
            if (file.size() > maxFileBytes) {
                throw new Rejected(Rejected.Kind.TOO_LARGE, "'" + name + "' is over the size limit ("
                        + megabytes(file.size()) + "; the limit is " + megabytes(maxFileBytes) + ")");
            }
            names.add(name);
        }
        return names;
    }

    /**
     * Read by its extension, or (a README, a "copyright" file, notes.log) by the type its content shows, as the
     * folder's own files are: an upload is accepted exactly when the same file in the folder would be read.
     */
    private static boolean readable(IncomingFile file, String name) {
        if (DocumentFormats.forFile(Path.of(name)).isPresent()) {
            return true;
        }
        try {
            return DocumentFormats.forType(DocumentFormats.detect(file.content().open(), name)).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** The file name a client sent, without any folder part; refused when it could not be a plain file name. */
    static String nameOf(String sent) {
        String name = sent == null ? "" : sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        boolean usable = !name.isEmpty() && !name.startsWith(".") && name.length() <= MAX_NAME_LENGTH
                && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == ':' || c == '*' || c == '?'
                        || c == '"' || c == '<' || c == '>' || c == '|');
        if (!usable) {
            throw new Rejected(Rejected.Kind.BAD_REQUEST, "'" + (sent == null ? "" : sent)
                    + "' is not a usable file name: give the file a name, not starting with a dot");
        }
        return name;
    }

    /** Writes the file under a hidden name, then moves it into place; what it replaces is kept aside. */
    private Stored store(IncomingFile file, String name) throws IOException {
        String tag = UUID.randomUUID().toString();
        Path temp = folder.resolve(TEMP_PREFIX + tag);
        try (InputStream in = file.content().open(); OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxFileBytes) { // the size sent may have been wrong
                    throw new Rejected(Rejected.Kind.TOO_LARGE, "'" + name + "' is over the size limit (the limit is "
                            + megabytes(maxFileBytes) + ")");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Path target = folder.resolve(name);
        Path aside = null;
        if (Files.exists(target)) {
            aside = folder.resolve(TEMP_PREFIX + tag + "-replaced");
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new Stored(name, target, aside);
    }

    /** A file moved into place, and the one it replaced (null if none). */
    private record Stored(String name, Path target, Path aside) {
        void keep() {
            try {
                if (aside != null) {
                    Files.deleteIfExists(aside);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void undo() {
            try {
                if (aside != null) {
                    Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.deleteIfExists(target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot put back " + target + ": " + e.getMessage(), e);
            }
        }
    }

    private Optional<FileReport> reportOf(String path) {
        return collection.files().stream().filter(f -> f.path().equals(path)).findFirst();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
