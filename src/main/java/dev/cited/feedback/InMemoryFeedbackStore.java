package dev.cited.feedback;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Feedback kept in memory, bounded so a flood of answers rated cannot exhaust the heap (oldest dropped first). */
public final class InMemoryFeedbackStore implements FeedbackStore {
    private final int capacity;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    /** By conversation, turn and source, in the order saved (a replaced rating moves to the end). */
    private final LinkedHashMap<String, Feedback> items = new LinkedHashMap<>();

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
        String key = conversationId + "\u0000" + turn + "\u0000" + source;
        Feedback earlier = items.remove(key);
        Feedback feedback = new Feedback(earlier != null ? earlier.id() : "f-" + ids.incrementAndGet(),
                conversationId, turn, rating, comment == null ? "" : comment, source, clock.instant());
        items.put(key, feedback);
        if (items.size() > capacity) {
            Iterator<String> oldest = items.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return feedback;
    }

    @Override
    public synchronized List<Feedback> all() {
        return new ArrayList<>(items.values());
    }
}
