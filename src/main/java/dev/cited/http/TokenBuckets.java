package dev.cited.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One token bucket per client key: {@code perMinute} requests a minute, in bursts of up to that many. Buckets
 * live in a bounded Caffeine cache; one left alone for a minute is full again, so forgetting it loses nothing.
 */
final class TokenBuckets {
    /** Most clients remembered at once; past it the least recent is forgotten (and starts again full). */
    static final int MAX_CLIENTS = 100_000;
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int perMinute;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    TokenBuckets(int perMinute) {
        this(perMinute, Ticker.systemTicker());
    }

    TokenBuckets(int perMinute, Ticker ticker) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a budget is at least one request a minute");
        }
        this.perMinute = perMinute;
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(Duration.ofMinutes(1))
                .ticker(ticker).build();
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes one token for {@code key}: zero when there was one, else how long until there will be (nanoseconds). */
    long take(String key) {
        return buckets.get(key, k -> new Bucket(perMinute, ticker.read())).take(ticker.read());
    }

    /** Tokens refill continuously at perMinute per minute, up to perMinute. */
    private static final class Bucket {
        private final int capacity;
        private double tokens;
        private long refilledAt;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized long take(long now) {
            double nanosPerToken = (double) MINUTE_NANOS / capacity;
            tokens = Math.min(capacity, tokens + Math.max(0, now - refilledAt) / nanosPerToken);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * nanosPerToken);
        }
    }
}
