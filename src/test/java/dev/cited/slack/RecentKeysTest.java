package dev.cited.slack;

import dev.cited.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentKeysTest {


    @Test
    void givenAnEventId_whenClaimedTwice_thenOnlyTheFirstWins() {
        RecentKeys keys = new RecentKeys(Duration.ofMinutes(60), 100, new MutableClock());
        assertTrue(keys.claim(List.of("event:Ev1", "msg:C1:1.1")));
        assertFalse(keys.claim(List.of("event:Ev1", "msg:C1:1.1")));
    }

    @Test
    void givenTheSameMessageUnderAnotherEventId_whenClaimed_thenRefused() {
        RecentKeys keys = new RecentKeys(Duration.ofMinutes(60), 100, new MutableClock());
        assertTrue(keys.claim(List.of("event:EvMention", "msg:D1:1.1")));
        assertFalse(keys.claim(List.of("event:EvMessage", "msg:D1:1.1")));
        assertTrue(keys.claim(List.of("event:EvOther", "msg:D1:1.2")));
    }

    @Test
    void givenTimePassedBeyondTheTtl_whenClaimedAgain_thenAccepted() {
        MutableClock clock = new MutableClock();
        RecentKeys keys = new RecentKeys(Duration.ofMinutes(60), 100, clock);
        assertTrue(keys.claim(List.of("event:Ev1")));
        clock.advance(Duration.ofMinutes(59));
        assertFalse(keys.claim(List.of("event:Ev1")));
        clock.advance(Duration.ofMinutes(2));
        assertTrue(keys.claim(List.of("event:Ev1")));
    }

    @Test
    void givenMoreKeysThanTheBound_whenClaimed_thenTheOldestAreDropped() {
        RecentKeys keys = new RecentKeys(Duration.ofMinutes(60), 3, new MutableClock());
        for (int i = 0; i < 5; i++) {
            assertTrue(keys.claim(List.of("event:" + i)));
        }
        assertEquals(3, keys.size());
        assertTrue(keys.claim(List.of("event:0")));
        assertFalse(keys.claim(List.of("event:4")));
    }
}
