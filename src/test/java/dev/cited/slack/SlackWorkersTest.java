package dev.cited.slack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackWorkersTest {

    @Test
    void givenTasksForOneThread_whenSubmittedTogether_thenTheyRunOneAtATimeInOrder() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(5);
        try (SlackWorkers workers = new SlackWorkers(4, 10)) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                assertTrue(workers.submit("C1:1.1", "task " + n, () -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(20);
                    order.add(n);
                    running.decrementAndGet();
                    done.countDown();
                }));
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(0, 1, 2, 3, 4), order);
        assertEquals(1, maxRunning.get());
    }

    @Test
    void givenAFullPool_whenMoreWorkArrives_thenItIsRefusedNotQueuedForever() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (SlackWorkers workers = new SlackWorkers(1, 1)) {
            assertTrue(workers.submit("a", "blocker", () -> {
                started.countDown();
                await(release);
            }));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertTrue(workers.submit("b", "queued", () -> { }));
            assertFalse(workers.submit("c", "refused", () -> { }));
            assertFalse(workers.submit("refused too", () -> { }));
            release.countDown();
        }
    }

    @Test
    void givenATaskThatThrows_whenRun_thenLaterTasksForTheKeyStillRun() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (SlackWorkers workers = new SlackWorkers(2, 10)) {
            workers.submit("k", "boom", () -> {
                throw new IllegalStateException("boom");
            });
            workers.submit("k", "after", done::countDown);
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void givenQueuedWork_whenClosed_thenEverythingQueuedRunsBeforeCloseReturnsAndNewWorkIsRefused() {
        List<String> ran = new CopyOnWriteArrayList<>();
        SlackWorkers workers = new SlackWorkers(1, 10);
        for (int i = 0; i < 3; i++) {
            int n = i;
            assertTrue(workers.submit("C1:1.1", "follow-up " + n, () -> {
                sleep(50);
                ran.add("thread " + n);
            }));
            assertTrue(workers.submit("other " + n, () -> {
                sleep(50);
                ran.add("other " + n);
            }));
        }
        workers.close(java.time.Duration.ofSeconds(30));
        assertEquals(6, ran.size(), ran.toString());
        assertFalse(workers.submit("late", () -> ran.add("late")));
        assertFalse(workers.submit("C1:1.1", "late follow-up", () -> ran.add("late")));
        assertEquals(6, ran.size());
    }

    @Test
    void givenWorkThatOutlastsTheDrain_whenClosed_thenItIsInterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        SlackWorkers workers = new SlackWorkers(1, 10);
        workers.submit("stuck", () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        workers.close(java.time.Duration.ofMillis(100));
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the task left is cut when the drain is over");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
