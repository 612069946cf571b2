package dev.cited.slack;

import java.util.Collection;

/** The keys (event ids, channel+ts, slash-command triggers) of Slack requests already taken on, for a while. */
public interface EventKeys {

    /**
     * Claims all keys at once: true when none of them was claimed within the time to live (they are recorded
     * now), false when any was (nothing changes).
     */
    boolean claim(Collection<String> keys);

    /** Gives the keys back, so Slack's retry of a request that could not be taken on is answered. */
    void release(Collection<String> keys);
}
