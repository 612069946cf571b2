package dev.cited.index;

import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Embeds passages on one background thread, in batches, and writes their vectors into
 * the index, so a folder is answerable with BM25 at once and dense retrieval joins as vectors land. New work
 * for a passage replaces work queued for it; the queue holds at most one entry per passage in the index.
 * Vectors are made visible about every second and committed about every half minute and when the queue
 * empties, so a restart resumes where the last commit left off.
 */
final class VectorBuilder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VectorBuilder.class);
    /** Passages per model call: tens of texts, as the model runs fastest with. */
    static final int BATCH = 32;
    private static final long PUBLISH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long COMMIT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final PassageIndex index;
    private final Embedder embedder;
    private final Thread thread;
    /** Passages waiting for vectors, by id, in the order they came. Guarded by {@code this}. */
    private final LinkedHashMap<String, Passage> pending = new LinkedHashMap<>();
    private boolean working;
    private boolean closed;
    /** Since the queue last became non-empty: for the rate and the time left. */
    private long runStarted;
    private int runEmbedded;
    /** Since the queue last became non-empty: time in the model and in Lucene, to tell which one limits. */
    private long runModelNanos;
    private long runWriteNanos;
    private int failed;

    VectorBuilder(PassageIndex index, Embedder embedder) {
        this.index = index;
        this.embedder = embedder;
        this.thread = new Thread(this::run, "cited-vectors");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    synchronized void submit(List<Passage> passages) {
        if (passages.isEmpty()) {
            return;
        }
        if (pending.isEmpty() && !working) {
            runStarted = System.nanoTime();
            runEmbedded = 0;
            runModelNanos = 0;
            runWriteNanos = 0;
        }
        for (Passage passage : passages) {
            pending.remove(passage.id()); // re-queued at the end, as the newest version
            pending.put(passage.id(), passage);
        }
        notifyAll();
    }

    synchronized IndexProgress progress(int passages, int embedded) {
        double seconds = (System.nanoTime() - runStarted) / 1e9;
        boolean busy = working || !pending.isEmpty();
        Double perSecond = busy && runEmbedded > 0 && seconds > 0 ? runEmbedded / seconds : null;
        Long secondsLeft = perSecond == null ? null : Math.round(pending.size() / perSecond);
        return new IndexProgress(passages, embedded, true, perSecond, secondsLeft, pending.size(), failed);
    }

    synchronized boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while ((working || !pending.isEmpty()) && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !working && pending.isEmpty();
    }

    private void run() {
        long published = System.nanoTime();
        long committed = published;
        long logged = published;
        try {
            while (true) {
                List<Passage> batch = next();
                if (batch == null) {
                    return;
                }
                if (!batch.isEmpty()) {
                    embed(batch);
                }
                long now = System.nanoTime();
                boolean drained = isDrained();
                if (drained) {
                    index.mergeDeletions();
                }
                if (drained || now - published >= PUBLISH_EVERY_NANOS) {
                    boolean commit = drained || now - committed >= COMMIT_EVERY_NANOS;
                    index.publish(commit);
                    published = now;
                    committed = commit ? now : committed;
                }
                if (drained || now - logged >= LOG_EVERY_NANOS) {
                    IndexProgress p = index.progress();
                    LOG.info("Vectors: {} of {} passages embedded{}", count(p.embedded()), count(p.passages()),
                            drained ? timeSplit() : p.secondsLeft() == null ? "" : ", about " + p.secondsLeft() + " s left");
                    logged = now;
                }
                finish(drained);
            }
        } catch (AlreadyClosedException e) {
            // closed while writing: what was committed is kept, the rest is embedded again next start
        } catch (IOException | RuntimeException e) {
            LOG.error("Building vectors stopped: {}. Answers use BM25 for the passages not embedded yet.", e.toString());
            synchronized (this) {
                failed += pending.size();
                pending.clear();
                working = false;
                notifyAll();
            }
        }
    }

    /** The next batch of passages still current; null once closed. Waits while there is nothing to do. */
    private synchronized List<Passage> next() {
        while (pending.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        if (closed) {
            return null;
        }
        working = true;
        List<Passage> batch = new ArrayList<>(BATCH);
        var it = pending.values().iterator();
        while (it.hasNext() && batch.size() < BATCH) {
            Passage passage = it.next();
            it.remove();
            if (index.isCurrent(passage)) {
                batch.add(passage);
            }
        }
        return batch;
    }

    private synchronized boolean isDrained() {
        return pending.isEmpty();
    }

    private synchronized void finish(boolean drained) {
        if (drained && pending.isEmpty()) {
            working = false;
            notifyAll();
        }
    }

    /** One model pass for the batch. */
    private void embed(List<Passage> batch) throws IOException {
        long started = System.nanoTime();
        List<float[]> vectors = embedder.embedAll(batch.stream().map(PassageIndex::embeddingText).toList());
        long embedded = System.nanoTime();
        index.writeVectors(batch, vectors);
        synchronized (this) {
            runEmbedded += batch.size();
            runModelNanos += embedded - started;
            runWriteNanos += System.nanoTime() - embedded;
        }
    }

    private synchronized String timeSplit() {
        return String.format(Locale.ROOT, " (this run: %,d in %.1f s in the model, %.1f s writing the index)",
                runEmbedded, runModelNanos / 1e9, runWriteNanos / 1e9);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        // Not interrupted: an interrupt during a Lucene write can close its files under it. A batch takes a second or two.
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
