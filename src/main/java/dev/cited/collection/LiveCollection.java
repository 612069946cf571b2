package dev.cited.collection;

import dev.cited.document.DocumentLoader;
import dev.cited.document.FileReport;
import dev.cited.document.Library;
import dev.cited.index.PassageIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * A documents folder and the index kept in step with it. {@link #refresh} reads what changed in the folder
 * (only new and changed files are read again) and brings the index in line; questions keep being answered
 * from the index meanwhile. Uploads, deletions, the folder watcher and the periodic rescan all go through it.
 */
public final class LiveCollection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveCollection.class);

    private final DocumentLoader loader;
    private final PassageIndex index;
    private volatile Library library = new Library(List.of(), List.of());
    /** "reading" or "indexing" while a refresh runs; null otherwise. */
    private volatile String phase;
    /** Bumped by every refresh: views of the collection are rebuilt when it changes. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private FolderWatcher watcher;

    public LiveCollection(DocumentLoader loader, PassageIndex index) {
        this.loader = loader;
        this.index = index;
    }

    /** Reads what changed in the folder and indexes it; returns the folder as it now is. */
    public synchronized Library refresh() {
        try {
            phase = "reading";
            Library read = loader.read();
            phase = "indexing";
            PassageIndex.Change change = index.sync(read.documents());
            library = read;
            version.incrementAndGet();
            if (change.indexed() + change.removed() > 0) {
                LOG.info("{}: {} documents indexed, {} removed, {} unchanged", loader.folder(), change.indexed(),
                        change.removed(), change.unchanged());
            }
            return read;
        } finally {
            phase = null;
        }
    }

    /** Every file found at the last refresh: indexed, skipped or failed, with the reason. */
    public List<FileReport> files() {
        return library.files();
    }

    /** Changes with every refresh (the documents and files may have changed). */
    public long version() {
        return version.get();
    }

    public DocumentLoader loader() {
        return loader;
    }

    public PassageIndex index() {
        return index;
    }

    /** How many files the last refresh indexed, skipped and failed. */
    public java.util.Map<FileReport.Status, Integer> counts() {
        return library.counts();
    }

    public CollectionProgress progress() {
        DocumentLoader.ReadProgress read = loader.progress();
        java.util.Map<FileReport.Status, Integer> counts = library.counts();
        return CollectionProgress.of(phase, new CollectionProgress.Files(read.found(), read.read(),
                counts.get(FileReport.Status.INDEXED), counts.get(FileReport.Status.SKIPPED),
                counts.get(FileReport.Status.FAILED)), index.progress());
    }

    /**
     * Watches the folder from now on: changes are picked up within about a second of being written, and
     * the whole folder is rescanned every {@code rescanEvery} for anything the file system did not report.
     */
    public synchronized void watch(Duration rescanEvery) {
        if (watcher == null) {
            watcher = FolderWatcher.start(loader.folder(), rescanEvery, this::refreshQuietly);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Rescanning {} failed: {}; trying again at the next change or rescan", loader.folder(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        FolderWatcher w;
        synchronized (this) {
            w = watcher;
            watcher = null;
        }
        if (w != null) {
            w.close();
        }
    }
}
