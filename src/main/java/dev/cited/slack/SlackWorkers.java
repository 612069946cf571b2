package dev.cited.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small bounded pool for answering after the 3-second acknowledgement. Work for the same key (a thread) runs in
 * arrival order, one at a time, so a quick follow-up sees the turn before it. When full, work is refused and logged.
 */
public final class SlackWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackWorkers.class);
    /** Most tasks waiting behind a running one for the same key. */
    static final int MAX_WAITING_PER_KEY = 20;
    /** How long {@link #close()} lets queued and running work finish. */
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(5);

    private final ThreadPoolExecutor pool;
    private final Map<String, ArrayDeque<Runnable>> waiting = new HashMap<>();

    public SlackWorkers(int threads, int queueCapacity) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "slack-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), factory, new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Queues the task; false (logged) when the pool is full or shut down. */
    public boolean submit(String what, Runnable task) {
        try {
            pool.execute(() -> runLogged(what, task));
            return true;
        } catch (RejectedExecutionException e) {
            refused(what);
            return false;
        }
    }

    /** Queues the task to run after any earlier task with the same key; false (logged) when refused. */
    public boolean submit(String key, String what, Runnable task) {
        Runnable logged = () -> runLogged(what, task);
        synchronized (waiting) {
            ArrayDeque<Runnable> queue = waiting.get(key);
            if (queue != null) {
                if (queue.size() >= MAX_WAITING_PER_KEY || pool.isShutdown()) {
                    refused(what);
                    return false;
                }
                queue.add(logged);
                return true;
            }
            waiting.put(key, new ArrayDeque<>());
        }
        try {
            pool.execute(() -> drain(key, logged));
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (waiting) {
                waiting.remove(key);
            }
            refused(what);
            return false;
        }
    }

    private void drain(String key, Runnable first) {
        Runnable next = first;
        while (next != null) {
            next.run();
            synchronized (waiting) {
                ArrayDeque<Runnable> queue = waiting.get(key);
                next = queue == null ? null : queue.poll();
                if (next == null) {
                    waiting.remove(key);
                }
            }
        }
    }

    private static void runLogged(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("Slack task failed: {}", what, e);
        }
    }

    private void refused(String what) {
        LOG.warn("Slack work refused ({} queued, shut down: {}): {}", pool.getQueue().size(), pool.isShutdown(),
                what);
    }

    @Override
    public void close() {
        close(DEFAULT_DRAIN);
    }

    /**
     * Drains: takes no new work, lets what is queued and running (follow-ups waiting behind their thread's
     * answer too) finish within {@code drain}, then interrupts what is left and logs how much that was.
     */
    public void close(Duration drain) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                int cut = pool.shutdownNow().size() + pool.getActiveCount() + waitingBehindKeys();
                LOG.warn("Slack work not finished within {} ms of stopping: about {} tasks cut", drain.toMillis(), cut);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private int waitingBehindKeys() {
        synchronized (waiting) {
            return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
        }
    }
}
