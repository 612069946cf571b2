package dev.cited.feedback;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Feedback kept in memory, bounded so a flood of clicks cannot exhaust the heap (oldest dropped first). */
public final class InMemoryFeedbackStore implements FeedbackStore {
    private final int capacity;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final List<Feedback> items = new ArrayList<>();

    public InMemoryFeedbackStore() {
        this(10_000, Clock.systemUTC());
    }

    public InMemoryFeedbackStore(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized Feedback save(String conversationId, int turn, Feedback.Rating rating, String comment,
                                      String source) {
        Feedback feedback = new Feedback("f-" + ids.incrementAndGet(), conversationId, turn, rating,
                comment == null ? "" : comment, source, clock.instant());
        if (items.size() >= capacity) {
            items.remove(0);
        }
        items.add(feedback);
        return feedback;
    }

    @Override
    public synchronized List<Feedback> all() {
        return List.copyOf(items);
    }
}
