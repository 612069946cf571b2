package dev.cited.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers keys (event ids, channel+ts) in memory for a while, so a retried or doubled event is handled once.
 * Bounded in time and in size; the oldest keys go first.
 */
public final class RecentKeys implements EventKeys {
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public RecentKeys(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public synchronized boolean claim(Collection<String> keys) {
        Instant now = clock.instant();
        evictExpired(now);
        for (String key : keys) {
            if (seen.containsKey(key)) {
                return false;
            }
        }
        for (String key : keys) {
            seen.put(key, now);
        }
        while (seen.size() > maxEntries) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    @Override
    public synchronized void release(Collection<String> keys) {
        keys.forEach(seen::remove);
    }

    public synchronized int size() {
        evictExpired(clock.instant());
        return seen.size();
    }

    private void evictExpired(Instant now) {
        Instant cutoff = now.minus(ttl);
        Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().isAfter(cutoff)) {
                break; // insertion order = time order
            }
            it.remove();
        }
    }
}
