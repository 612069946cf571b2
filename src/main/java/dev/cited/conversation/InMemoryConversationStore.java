package dev.cited.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations in memory, bounded in count (least recently used dropped first), age since last use, and
 * turns kept per conversation, so an endless stream of questions cannot exhaust the heap.
 */
public final class InMemoryConversationStore implements ConversationStore {
    private final int maxConversations;
    private final Duration maxAge;
    private final int maxTurns;
    private final Clock clock;
    private final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * 5,000 conversations of at most 20 remembered turns, each forgotten a day after its last question: a few
     * kilobytes a turn keeps the worst case near 150 MB.
     */
    public InMemoryConversationStore() {
        this(5_000, Duration.ofHours(24), 20, Clock.systemUTC());
    }

    public InMemoryConversationStore(int maxConversations, Duration maxAge, int maxTurns, Clock clock) {
        this.maxConversations = maxConversations;
        this.maxAge = maxAge;
        this.maxTurns = maxTurns;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Conversation> find(String id) {
        evictExpired();
        return Optional.ofNullable(conversations.get(id));
    }

    @Override
    public synchronized int append(String id, String owner, Turn turn) {
        evictExpired();
        Conversation existing = conversations.get(id);
        if (existing != null && !existing.ownedBy(owner)) {
            throw new ConversationNotFoundException(id);
        }
        List<Turn> turns = new ArrayList<>(existing == null ? List.of() : existing.turns());
        int number = existing == null ? 1 : existing.turnCount() + 1;
        turns.add(turn.numbered(number));
        if (turns.size() > maxTurns) {
            turns = turns.subList(turns.size() - maxTurns, turns.size());
        }
        conversations.put(id, new Conversation(id, owner, turns, number, clock.instant()));
        while (conversations.size() > maxConversations) {
            Iterator<String> eldest = conversations.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return number;
    }

    @Override
    public synchronized List<ConversationSummary> list(String owner, int limit) {
        evictExpired();
        List<Conversation> owned = new ArrayList<>();
        for (Conversation c : conversations.values()) {
            if (c.ownedBy(owner)) {
                owned.add(c);
            }
        }
        owned.sort(java.util.Comparator.comparing(Conversation::updatedAt).reversed().thenComparing(Conversation::id));
        return owned.stream().limit(limit).map(c -> new ConversationSummary(c.id(),
                c.turns().isEmpty() ? "" : c.turns().get(0).question(), c.turnCount(), c.updatedAt())).toList();
    }

    private void evictExpired() {
        Instant oldest = clock.instant().minus(maxAge);
        conversations.values().removeIf(c -> c.updatedAt().isBefore(oldest));
    }

    synchronized int size() {
        return conversations.size();
    }
}
