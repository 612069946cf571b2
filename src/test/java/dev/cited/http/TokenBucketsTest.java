package dev.cited.http;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token buckets on a clock the test moves: bursts, refill, separate clients, forgetting idle ones. */
class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(6, now::get); // one token every 10 s

    @Test
    void aFullMinuteIsTakenInABurstThenOneTokenPerSlice() {
        for (int i = 0; i < 6; i++) {
            assertEquals(0, buckets.take("a"), "request " + i);
        }
        long wait = buckets.take("a");
        assertTrue(wait > TimeUnit.SECONDS.toNanos(9) && wait <= TimeUnit.SECONDS.toNanos(10), "wait " + wait);
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        long shorter = buckets.take("a");
        assertTrue(shorter > TimeUnit.SECONDS.toNanos(4) && shorter <= TimeUnit.SECONDS.toNanos(5), "wait " + shorter);
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertEquals(0, buckets.take("a"));
        assertTrue(buckets.take("a") > 0);
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        for (int i = 0; i < 6; i++) {
            buckets.take("a");
        }
        assertTrue(buckets.take("a") > 0);
        assertEquals(0, buckets.take("b"));
    }

    @Test
    void aBucketLeftAloneRefillsOnlyToItsCapacity() {
        for (int i = 0; i < 6; i++) {
            buckets.take("a");
        }
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < 6; i++) {
            assertEquals(0, buckets.take("a"), "request " + i);
        }
        assertTrue(buckets.take("a") > 0, "an hour away does not bank more than one minute's budget");
    }
}
