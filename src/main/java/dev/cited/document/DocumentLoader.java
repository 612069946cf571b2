package dev.cited.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Reads a folder and its subfolders (not hidden ones like .git): every file is either served as a document
 * or reported skipped or failed, with the reason ({@link FileReport}). Files are read in parallel, each
 * within {@link LoadLimits}: a parse past its time is abandoned without holding up the rest. Links are
 * followed only when they lead to a file inside the folder. Reading again re-reads only the files that are
 * new or changed (by size and modification time) since the last read: a live folder is rescanned cheaply.
 */
public final class DocumentLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentLoader.class);

    /** How deep below the folder documents are looked for; links are not followed, so this only bounds work. */
    public static final int MAX_DEPTH = 16;

    private final Path folder;
    private final LoadLimits limits;
    /** What each file was when last read, and what became of it, by its path below the folder. */
    private final Map<String, Read> known = new HashMap<>();
    private final AtomicInteger found = new AtomicInteger();
    private final AtomicInteger read = new AtomicInteger();

    /** A file as it was read: its size and modification time, and the outcome. */
    private record Read(Stamp stamp, Outcome outcome) {
    }

    public DocumentLoader(Path folder, LoadLimits limits) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Documents folder not found: " + folder.toAbsolutePath());
        }
        this.folder = folder;
        this.limits = limits;
    }

    /** The documents of {@code folder}, read within the default limits. */
    public static List<Document> load(Path folder) {
        return read(folder, LoadLimits.DEFAULT).documents();
    }

    public static Library read(Path folder, LoadLimits limits) {
        return new DocumentLoader(folder, limits).read();
    }

    public Path folder() {
        return folder;
    }

    public LoadLimits limits() {
        return limits;
    }

    /** The folder as it is now; files unchanged since the last read are not read again. */
    public synchronized Library read() {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Documents folder not found: " + folder.toAbsolutePath());
        }
        Path root = realPath(folder);
        List<Found> files = list();
        List<Found> toRead = files.stream()
                .filter(f -> !known.containsKey(f.path()) || !known.get(f.path()).stamp().equals(f.stamp()))
                .toList();
        found.set(files.size());
        read.set(files.size() - toRead.size());
        List<Outcome> outcomes = readAll(root, toRead, limits);
        known.keySet().retainAll(files.stream().map(Found::path).collect(java.util.stream.Collectors.toSet()));
        for (int i = 0; i < toRead.size(); i++) {
            known.put(toRead.get(i).path(), new Read(toRead.get(i).stamp(), outcomes.get(i)));
        }
        return collect(files.stream().map(f -> known.get(f.path()).outcome()).toList(), files);
    }

    /** Files found and, of those, read so far in the current (or last) read. */
    public ReadProgress progress() {
        return new ReadProgress(found.get(), read.get());
    }

    /** How far a read of the folder is. */
    public record ReadProgress(int found, int read) {
    }

    private List<Found> list() {
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            return walk.filter(p -> !p.equals(folder) && !hidden(folder.relativize(p)))
                    .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> Found.of(folder, p))
                    .sorted(Comparator.comparing(Found::id).thenComparing(f -> f.file().toString()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("Cannot list documents folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** What tells a changed file from an unchanged one without reading it. */
    private record Stamp(long size, long modified) {
        static Stamp of(Path file) {
            try {
                return new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                return new Stamp(-1, -1); // gone or unreadable: read again, and reported
            }
        }
    }

    /** A file found in the folder, with its path below the folder and the id it would be served under. */
    private record Found(Path file, String path, String id, Stamp stamp) {
        static Found of(Path folder, Path file) {
            String path = pathOf(folder, file);
            return new Found(file, path, idOf(path), Stamp.of(file));
        }
    }

    /**
     * Reads the files on as many threads as there are cores. A read past its time is abandoned: its result
     * is a failure, its place goes to the next file, and its thread (a daemon) is interrupted and left to end.
     */
    private List<Outcome> readAll(Path root, List<Found> files, LoadLimits limits) {
        int width = Math.max(1, Runtime.getRuntime().availableProcessors());
        Semaphore places = new Semaphore(width);
        ExecutorService readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cited-read");
            t.setDaemon(true); // an abandoned parse must not keep the process alive
            return t;
        });
        try {
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
            for (Found file : files) {
                places.acquireUninterruptibly();
                AtomicReference<Thread> reader = new AtomicReference<>();
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                            reader.set(Thread.currentThread());
                            return readOne(root, file, limits);
                        }, readers)
                        .orTimeout(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .exceptionally(e -> abandoned(file, e, limits, reader.get()))
                        .whenComplete((outcome, e) -> {
                            read.incrementAndGet();
                            places.release();
                        }));
            }
            return outcomes.stream().map(CompletableFuture::join).toList();
        } finally {
            readers.shutdown();
        }
    }

    private static Outcome abandoned(Found file, Throwable e, LoadLimits limits, Thread reader) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            if (reader != null) {
                reader.interrupt();
            }
            return Outcome.unread(file, UnreadableFile.failed("took longer than "
                    + seconds(limits.parseTimeout()) + " to read: abandoned", cause));
        }
        return Outcome.unread(file, UnreadableFile.failed("could not be read: " + cause.getMessage(), cause));
    }

    private static Library collect(List<Outcome> outcomes, List<Found> files) {
        List<Document> documents = new ArrayList<>();
        List<FileReport> reports = new ArrayList<>();
        Map<String, String> ids = new HashMap<>(); // id → the path of the file served under it
        for (int i = 0; i < files.size(); i++) {
            Found file = files.get(i);
            Outcome outcome = outcomes.get(i);
            if (outcome.document() == null) {
                reports.add(outcome.report());
                LOG.warn("Skipping {}: {}", outcome.report().path(), outcome.report().reason());
                continue;
            }
            Document document = outcome.document();
            String taken = ids.get(document.id());
            if (taken != null) {
                // Two files, one id ("notes.md", "notes.txt"): citations name documents by id, so keep one.
                UnreadableFile why = UnreadableFile.skipped("its id '" + document.id() + "' is already used by " + taken);
                reports.add(FileReport.unread(file.path(), why, document.type(), outcome.report().size()));
                LOG.warn("Skipping {}: {}", file.path(), why.getMessage());
                continue;
            }
            ids.put(document.id(), file.path());
            documents.add(document);
            reports.add(outcome.report());
        }
        return new Library(documents, reports);
    }

    private static Outcome readOne(Path root, Found found, LoadLimits limits) {
        Path file = found.file();
        long size = sizeOf(file);
        try {
            if (Files.isSymbolicLink(file)) {
                Path target = realPath(file);
                if (!target.startsWith(root)) {
                    throw UnreadableFile.skipped("a link to outside the documents folder: not followed");
                }
                if (Files.isDirectory(target)) {
                    throw UnreadableFile.skipped("a link to a folder: not followed");
                }
            }
            if (!Files.isRegularFile(file)) {
                throw UnreadableFile.skipped("not a regular file");
            }
            if (size > limits.maxFileBytes()) {
                throw UnreadableFile.skipped("over the size limit (" + megabytes(size) + "; the limit is "
                        + megabytes(limits.maxFileBytes()) + ")");
            }
            Extracted extracted = DocumentFormats.readerOf(file).read(file, limits.maxChars());
            String title = TitleExtractor.choose(extracted.title(), extracted.text(), file.getFileName().toString(),
                    found.id());
            Document document = new Document(found.id(), title, extracted.text(), extracted.type(),
                    extracted.pageStarts(), file.toAbsolutePath());
            return new Outcome(document, FileReport.indexed(found.path(), document, size));
        } catch (UnreadableFile why) {
            // the type detected on the way, if any, rather than reading the file again for it
            String type = why.mediaType() != null ? why.mediaType() : typeOrNull(file);
            return new Outcome(null, FileReport.unread(found.path(), why, type, size));
        }
    }

    private record Outcome(Document document, FileReport report) {
        static Outcome unread(Found file, UnreadableFile why) {
            return new Outcome(null, FileReport.unread(file.path(), why, null, sizeOf(file.file())));
        }
    }

    /**
     * A path below the folder without its extension:
     * "004_c0a5f909db2a0263.txt" is "004_c0a5f909db2a0263", "guide/install.md" is "guide/install".
     */
    static String idOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
    }

    /** The path below the folder, with "/" between folders. */
    static String pathOf(Path folder, Path file) {
        List<String> parts = new ArrayList<>();
        folder.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    /** A dot-file or anything inside a dot-folder (".git", ".obsidian"): never a document. */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String typeOrNull(Path file) {
        return Files.isRegularFile(file) ? DocumentFormats.detect(file) : null;
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
