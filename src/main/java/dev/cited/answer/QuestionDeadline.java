package dev.cited.answer;

import java.time.Duration;
import java.util.Optional;

/**
 * The time one question may spend waiting for models, shared by every model call it makes (the follow-up's
 * rewrite and the answer): {@code --model-timeout} bounds the whole question, not each call. Held by the thread
 * that asks, for as long as the question runs; model calls made outside a question keep their own timeout.
 */
public final class QuestionDeadline implements AutoCloseable {
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private final Long previous;

    private QuestionDeadline(Duration budget) {
        this.previous = DEADLINE.get();
        DEADLINE.set(System.nanoTime() + budget.toNanos());
    }

    /** Starts the question's clock; null {@code budget} (no model answers) starts none. Close it when answered. */
    public static QuestionDeadline start(Duration budget) {
        return budget == null ? null : new QuestionDeadline(budget);
    }

    /** The time left to this thread's question, if one is running. */
    public static Optional<Duration> remaining() {
        Long deadline = DEADLINE.get();
        return deadline == null ? Optional.empty() : Optional.of(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** {@code timeout}, or less when the question has less time left. */
    static Duration bound(Duration timeout) {
        return remaining().filter(left -> left.compareTo(timeout) < 0).orElse(timeout);
    }

    @Override
    public void close() {
        if (previous == null) {
            DEADLINE.remove();
        } else {
            DEADLINE.set(previous);
        }
    }
}
