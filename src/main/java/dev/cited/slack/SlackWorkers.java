package dev.cited.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A small bounded pool for answering after the 3-second acknowledgement; when full, work is refused and logged. */
public final class SlackWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackWorkers.class);
    private final ThreadPoolExecutor pool;

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
            pool.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Slack task failed: {}", what, e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack work refused ({} queued, shut down: {}): {}", pool.getQueue().size(),
                    pool.isShutdown(), what);
            return false;
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
