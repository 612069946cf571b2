package dev.cited.storage;

import dev.cited.citation.Citation;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.Conversation;
import dev.cited.conversation.ConversationStore;
import dev.cited.conversation.Turn;
import dev.cited.feedback.Feedback;
import dev.cited.feedback.FeedbackStore;
import dev.cited.grounding.UnsupportedStatement;
import dev.cited.slack.EventKeys;
import dev.cited.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every place Cited keeps its state must do, in memory, in SQLite and in PostgreSQL alike. */
abstract class StoreContract {
    static final int TURNS_REMEMBERED = 20;
    static final Duration KEY_TTL = Duration.ofHours(1);

    /** The three stores of one backing place, and how to let go of them. */
    record StoreSet(ConversationStore conversations, FeedbackStore feedback, EventKeys keys, AutoCloseable closer) {
    }

    protected final MutableClock clock = new MutableClock();
    private StoreSet stores;

    /** Makes an empty place for this test's data (a fresh schema, say); the same for every {@link #open()}. */
    void prepareEmptyPlace() throws Exception {
    }

    /** Opens the stores; a durable implementation opens the same data every time it is called in one test. */
    abstract StoreSet open();

    /** Whether what was stored is there again after {@link #open()} once more. */
    abstract boolean durable();

    @BeforeEach
    void openStores() throws Exception {
        prepareEmptyPlace();
        stores = open();
    }

    @AfterEach
    void closeStores() throws Exception {
        stores.closer().close();
    }

    static AskResult answer(String conversationId, String text) {
        return new AskResult(conversationId, 0, text + " [1]", true,
                List.of(new Citation(1, "paper", "A paper", "the quote, exactly", 120, 138, 3)),
                List.of(new UnsupportedStatement("It is 31 metres tall.", "the source says 13 metres")),
                "extractive", text + "?", null);
    }

    @Test
    void givenTurnsAppended_whenTheConversationIsRead_thenTheyComeBackNumberedWithTheirAnswersAndCitations() {
        ConversationStore store = stores.conversations();
        assertEquals(1, store.append("c-1", new Turn("Who?", "Who?", answer("c-1", "First"))));
        assertEquals(2, store.append("c-1", new Turn("And then?", "And then? (First)", answer("c-1", "Second"))));
        Conversation read = store.find("c-1").orElseThrow();
        assertEquals(2, read.turnCount());
        assertEquals(List.of("Who?", "And then?"), read.turns().stream().map(Turn::question).toList());
        assertEquals("And then? (First)", read.turns().get(1).searchQuery());
        AskResult second = read.turns().get(1).result();
        assertEquals(2, second.turn());
        assertEquals(answer("c-1", "Second").withTurn(2), second, "the answer, citations (page too) as stored");
        assertEquals(Integer.valueOf(3), second.citations().get(0).page());
    }

    @Test
    void givenAnUnknownConversation_whenReadOrAskedForATurn_thenItHasNone() {
        assertTrue(stores.conversations().find("c-none").isEmpty());
        stores.conversations().append("c-2", new Turn("Q", "Q", answer("c-2", "A")));
        assertFalse(stores.conversations().hasTurn("c-none", 1));
        assertTrue(stores.conversations().hasTurn("c-2", 1));
        assertFalse(stores.conversations().hasTurn("c-2", 2));
        assertFalse(stores.conversations().hasTurn("c-2", 0));
    }

    @Test
    void givenALongConversation_whenRead_thenItsNewestTurnsAreRememberedAndAllAreCounted() {
        for (int i = 1; i <= TURNS_REMEMBERED + 5; i++) {
            stores.conversations().append("c-long", new Turn("Q" + i, "Q" + i, answer("c-long", "A" + i)));
        }
        Conversation read = stores.conversations().find("c-long").orElseThrow();
        assertEquals(TURNS_REMEMBERED + 5, read.turnCount());
        assertEquals(TURNS_REMEMBERED, read.turns().size());
        assertEquals("Q6", read.turns().get(0).question());
        assertEquals(TURNS_REMEMBERED + 5, read.turns().get(TURNS_REMEMBERED - 1).result().turn());
    }

    @Test
    void givenConcurrentQuestionsInOneConversation_whenAppended_thenEveryTurnGetsItsOwnNumber() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> numbers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                numbers.add(pool.submit(() -> stores.conversations()
                        .append("c-busy", new Turn("Q" + n, "Q" + n, answer("c-busy", "A" + n)))));
            }
            Set<Integer> distinct = new TreeSet<>();
            for (Future<Integer> number : numbers) {
                distinct.add(number.get());
            }
            assertEquals(40, distinct.size(), "distinct numbers " + distinct);
            assertEquals(40, stores.conversations().find("c-busy").orElseThrow().turnCount());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenFeedbackTwiceOnOneAnswer_whenListed_thenTheLaterRatingReplacesTheEarlierPerFace() {
        stores.conversations().append("c-3", new Turn("Q", "Q", answer("c-3", "A")));
        stores.conversations().append("c-3", new Turn("Q2", "Q2", answer("c-3", "A2")));
        Feedback first = stores.feedback().save("c-3", 1, Feedback.Rating.UP, "good", "web");
        clock.advance(Duration.ofSeconds(1));
        stores.feedback().save("c-3", 2, Feedback.Rating.UP, "", "slack");
        clock.advance(Duration.ofSeconds(1));
        Feedback changed = stores.feedback().save("c-3", 1, Feedback.Rating.DOWN, "wrong page", "web");
        assertEquals(first.id(), changed.id(), "the same rating, changed");
        List<Feedback> all = stores.feedback().all();
        assertEquals(2, all.size(), all.toString());
        assertEquals("slack", all.get(0).source(), "oldest first: the changed rating is the newest");
        assertEquals(Feedback.Rating.DOWN, all.get(1).rating());
        assertEquals("wrong page", all.get(1).comment());
        assertEquals(clock.instant(), all.get(1).createdAt());
    }

    @Test
    void givenSlackKeys_whenClaimedAgainOrReleasedOrExpired_thenOnlyAFreshClaimWins() {
        EventKeys keys = stores.keys();
        assertTrue(keys.claim(List.of("event:E1", "msg:C1:1.1")));
        assertFalse(keys.claim(List.of("event:E2", "msg:C1:1.1")), "one key already taken: none claimed");
        assertTrue(keys.claim(List.of("event:E2")), "the other key of the refused claim was not recorded");
        keys.release(List.of("event:E1", "msg:C1:1.1"));
        assertTrue(keys.claim(List.of("event:E1")), "released: a retry is taken on");
        clock.advance(KEY_TTL.plusSeconds(1));
        assertTrue(keys.claim(List.of("event:E2")), "forgotten after the time to live");
    }

    @Test
    void givenStateWritten_whenTheStoresAreOpenedAgain_thenNothingIsLost() throws Exception {
        stores.conversations().append("c-4", new Turn("Q", "Q", answer("c-4", "A")));
        stores.feedback().save("c-4", 1, Feedback.Rating.UP, "", "api");
        stores.keys().claim(List.of("event:E9"));
        if (!durable()) {
            return;
        }
        stores.closer().close();
        stores = open();
        assertEquals(1, stores.conversations().find("c-4").orElseThrow().turnCount());
        assertEquals(answer("c-4", "A").withTurn(1), stores.conversations().find("c-4").orElseThrow().turns().get(0).result());
        assertEquals(1, stores.feedback().all().size());
        assertFalse(stores.keys().claim(List.of("event:E9")), "a retry after a restart is not answered twice");
    }
}
