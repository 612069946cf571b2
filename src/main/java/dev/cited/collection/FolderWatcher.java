package dev.cited.collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Calls back when files in a folder (or its subfolders, not hidden ones) are created, changed or removed,
 * once per burst of changes, and at least every rescan period, since file systems do not report every change
 * (network drives, an overflowing event queue). One daemon thread.
 */
final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    /** Changes this close together are picked up together: a copy of many files is one refresh, not many. */
    static final Duration QUIET = Duration.ofMillis(300);

    private final Path folder;
    private final WatchService service;
    private final Set<Path> watched = new HashSet<>();
    private final Duration rescanEvery;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean closed;

    private FolderWatcher(Path folder, WatchService service, Duration rescanEvery, Runnable onChange) {
        this.folder = folder;
        this.service = service;
        this.rescanEvery = rescanEvery;
        this.onChange = onChange;
        this.thread = new Thread(this::run, "cited-watch");
        this.thread.setDaemon(true);
    }

    static FolderWatcher start(Path folder, Duration rescanEvery, Runnable onChange) {
        try {
            FolderWatcher watcher = new FolderWatcher(folder, FileSystems.getDefault().newWatchService(), rescanEvery,
                    onChange);
            watcher.registerFolders();
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot watch " + folder + ": " + e.getMessage(), e);
        }
    }

    private void run() {
        while (!closed) {
            try {
                WatchKey key = service.poll(rescanEvery.toMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    drain(key);
                    // Let a burst of writes settle: a file being copied changes many times.
                    WatchKey more;
                    while ((more = service.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                        drain(more);
                    }
                }
                if (closed) {
                    return;
                }
                registerFolders(); // folders created since
                onChange.run();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Watching {}: {}", folder, e.getMessage());
            }
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    private void registerFolders() {
        try (Stream<Path> walk = Files.walk(folder, dev.cited.document.DocumentLoader.MAX_DEPTH)) {
            walk.filter(Files::isDirectory)
                    .filter(dir -> dir.equals(folder) || !hidden(folder.relativize(dir)))
                    .filter(watched::add)
                    .forEach(this::register);
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("Cannot list {} to watch it: {}", folder, e.getMessage());
        }
    }

    private void register(Path dir) {
        try {
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            watched.remove(dir);
            LOG.warn("Cannot watch {}: {}; its changes are picked up at the next rescan", dir, e.getMessage());
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("Closing the watch service: {}", e.getMessage());
        }
        // Not interrupted: closing the service wakes its poll, and a refresh under way (Lucene writes) must finish.
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
