package dev.cited.conversation;

import dev.cited.support.MutableClock;
import dev.cited.support.SeedEngine;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationTest {
    private final ConversationService conversations = SeedEngine.get().conversations();

    @Test
    void givenAFollowUpWithAPronoun_whenAsked_thenItIsRewrittenWithTheEarlierSubjectAndAnswered() {
        AskResult first = conversations.ask(AskRequest.of("Who is Jens Stoltenberg?"));
        AskResult second = conversations.ask(new AskRequest("What did he say about North Korea?", first.conversationId()));
        assertEquals(first.conversationId(), second.conversationId());
        assertEquals(2, second.turn());
        assertTrue(second.searchQuery().contains("Stoltenberg"), second.searchQuery());
        assertTrue(second.answer().contains("ammunition"), second.answer());
    }

    @Test
    void givenAStandaloneQuestion_whenAsked_thenTheSearchQueryIsTheQuestion() {
        AskResult result = conversations.ask(AskRequest.of("How many short-range ballistic missiles has North Korea transferred to Russia?"));
        assertEquals("How many short-range ballistic missiles has North Korea transferred to Russia?", result.searchQuery());
        assertTrue(result.conversationId().startsWith("c-"));
        assertEquals(1, result.turn());
        assertTrue(result.answer().contains("dozen"), result.answer());
    }

    @Test
    void givenTheStore_whenFullOrStale_thenOldConversationsAreDroppedAndTurnsNumbered() {
        MutableClock clock = new MutableClock();
        InMemoryConversationStore store = new InMemoryConversationStore(2, Duration.ofMinutes(10), 3, clock);
        AskResult r = new AskResult("x", 0, "a", false, List.of(), List.of(), "extractive", "q", null);
        assertEquals(1, store.append("a", new Turn("q", "q", r)));
        assertEquals(2, store.append("a", new Turn("q", "q", r)));
        store.append("b", new Turn("q", "q", r));
        store.append("c", new Turn("q", "q", r));
        assertFalse(store.find("a").isPresent(), "least recently used dropped at the count bound");
        clock.advance(Duration.ofMinutes(11));
        assertFalse(store.find("c").isPresent(), "expired");
        for (int i = 0; i < 5; i++) {
            store.append("d", new Turn("q", "q", r));
        }
        assertEquals(3, store.find("d").orElseThrow().turns().size(), "turns bounded");
        assertEquals(5, store.find("d").orElseThrow().turns().get(2).result().turn());
        assertNotEquals(0, store.find("d").orElseThrow().turnCount());
    }

}
