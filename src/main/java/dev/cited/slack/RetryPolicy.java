package dev.cited.slack;

import java.time.Duration;

/**
 * How often and how patiently calls to Slack are retried.
 *
 * @param maxAttempts   attempts in all, including the first
 * @param backoff       wait before the second attempt; doubled each time after
 * @param maxRetryAfter longest wait honoured from a 429's Retry-After (longer ones give up)
 */
public record RetryPolicy(int maxAttempts, Duration backoff, Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts (1-based). */
    public Duration backoffAfter(int attempt) {
        return backoff.multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    /** The wait a 429 asks for, when it can be honoured; else null (Retry-After missing counts as one second). */
    public Duration retryAfter(String header) {
        long seconds = 1;
        if (header != null && !header.isBlank()) {
            try {
                seconds = Math.max(0, Long.parseLong(header.trim()));
            } catch (NumberFormatException e) {
                seconds = 1;
            }
        }
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(maxRetryAfter) > 0 ? null : wait;
    }

    static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
