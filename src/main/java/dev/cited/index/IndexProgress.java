package dev.cited.index;

/**
 * How far the index is. Every passage is searchable with BM25 once written; vectors follow in the background.
 *
 * @param passages    passages in the index
 * @param embedded    of those, how many have their vector (and their sentences')
 * @param vectors     whether passages get vectors at all (false: BM25 only)
 * @param perSecond   passages embedded per second in the current run; null when idle or just started
 * @param secondsLeft estimate of the time until every queued passage is embedded; null when unknown or idle
 * @param queued      passages waiting for their vector
 * @param failed      passages whose embedding failed (they stay searchable with BM25); see the log
 */
public record IndexProgress(int passages, int embedded, boolean vectors, Double perSecond, Long secondsLeft,
                            int queued, int failed) {

    /** True when nothing is waiting: every passage that can have a vector has it. */
    public boolean ready() {
        return queued == 0 && (!vectors || embedded + failed >= passages);
    }
}
