package dev.cited.storage;

import dev.cited.access.ApiKeys;
import dev.cited.access.IssuedKey;
import dev.cited.access.Principal;
import dev.cited.access.Role;
import dev.cited.access.Session;
import dev.cited.access.Sessions;
import dev.cited.citation.Citation;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.Conversation;
import dev.cited.conversation.ConversationNotFoundException;
import dev.cited.conversation.ConversationStore;
import dev.cited.conversation.ConversationSummary;
import dev.cited.conversation.Turn;
import dev.cited.feedback.Feedback;
import dev.cited.feedback.FeedbackStore;
import dev.cited.grounding.UnsupportedStatement;
import dev.cited.slack.EventKeys;
import dev.cited.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every place Cited keeps its state must do, in memory, in SQLite and in PostgreSQL alike. */
abstract class StoreContract {
    static final int TURNS_REMEMBERED = 20;
    static final Duration KEY_TTL = Duration.ofHours(1);
    static final Duration SESSION_TTL = Duration.ofDays(7);

    /** The stores of one backing place, and how to let go of them; API keys and sessions only with a database. */
    record StoreSet(ConversationStore conversations, FeedbackStore feedback, EventKeys keys, ApiKeys apiKeys,
                    Sessions sessions, AutoCloseable closer) {
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
        assertFalse(stores.conversations().hasTurn("c-none", null, 1));
        assertTrue(stores.conversations().hasTurn("c-2", null, 1));
        assertFalse(stores.conversations().hasTurn("c-2", null, 2));
        assertFalse(stores.conversations().hasTurn("c-2", null, 0));
        assertFalse(stores.conversations().hasTurn("c-2", "u-someone", 1), "not theirs");
    }

    @Test
    void givenAnOwnersConversation_whenSomeoneElseAppendsOrAsks_thenItIsNotTheirsAndNothingChanges() {
        ConversationStore store = stores.conversations();
        assertEquals(1, store.append("c-ann", "u-ann", new Turn("Q", "Q", answer("c-ann", "A"))));
        assertThrows(ConversationNotFoundException.class,
                () -> store.append("c-ann", "u-bob", new Turn("Q2", "Q2", answer("c-ann", "B"))));
        assertThrows(ConversationNotFoundException.class,
                () -> store.append("c-ann", null, new Turn("Q2", "Q2", answer("c-ann", "B"))));
        assertEquals(2, store.append("c-ann", "u-ann", new Turn("Q3", "Q3", answer("c-ann", "C"))));
        Conversation read = store.find("c-ann").orElseThrow();
        assertEquals("u-ann", read.owner());
        assertEquals(List.of("Q", "Q3"), read.turns().stream().map(Turn::question).toList());
        assertTrue(store.hasTurn("c-ann", "u-ann", 2));
        assertFalse(store.hasTurn("c-ann", "u-bob", 1));
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
    void givenOwnersConversations_whenListed_thenEachSeesOnlyTheirsNewestFirst() {
        stores.conversations().append("c-a1", "u-ann", new Turn("Ann's first", "q", answer("c-a1", "A")));
        clock.advance(Duration.ofSeconds(1));
        stores.conversations().append("c-b1", "u-bob", new Turn("Bob's", "q", answer("c-b1", "B")));
        clock.advance(Duration.ofSeconds(1));
        stores.conversations().append("c-a2", "u-ann", new Turn("Ann's second", "q", answer("c-a2", "C")));
        var anns = stores.conversations().list("u-ann", 10);
        assertEquals(List.of("c-a2", "c-a1"), anns.stream().map(ConversationSummary::id).toList());
        assertEquals("Ann's second", anns.get(0).firstQuestion());
        assertEquals(List.of("c-b1"), stores.conversations().list("u-bob", 10).stream().map(ConversationSummary::id).toList());
        assertEquals(1, stores.conversations().list("u-ann", 1).size());
        assertTrue(stores.conversations().list(null, 10).isEmpty());
    }

    @Test
    void givenKeys_whenCreatedUsedAndRevoked_thenOnlyKeysInUseLetInAndRevokingEndsTheirSessions() {
        Assumptions.assumeTrue(stores.apiKeys() != null, "keys are kept only in a database");
        IssuedKey ann = stores.apiKeys().create("ann", Role.USER);
        IssuedKey annAgain = stores.apiKeys().create("ann", Role.ADMIN);
        IssuedKey bob = stores.apiKeys().create("bob", Role.USER);
        assertTrue(ann.secret().startsWith("cited_") && ann.secret().length() > 40);
        Principal viaFirst = stores.apiKeys().authenticate(ann.secret()).orElseThrow();
        Principal viaSecond = stores.apiKeys().authenticate(annAgain.secret()).orElseThrow();
        assertEquals(viaFirst.userId(), viaSecond.userId(), "one user, two keys: the same conversations");
        assertEquals(Role.ADMIN, viaSecond.role());
        assertFalse(viaFirst.userId().equals(stores.apiKeys().authenticate(bob.secret()).orElseThrow().userId()));
        assertTrue(stores.apiKeys().authenticate("cited_" + "x".repeat(43)).isEmpty());
        assertEquals(3, stores.apiKeys().list().size());

        Session session = stores.sessions().open(viaFirst);
        assertEquals(viaFirst, stores.sessions().find(session.token()).orElseThrow().principal());
        assertEquals(session.csrfToken(), stores.sessions().find(session.token()).orElseThrow().csrfToken());
        assertTrue(stores.apiKeys().revoke(ann.id()));
        assertFalse(stores.apiKeys().revoke(ann.id()), "revoked already");
        assertTrue(stores.apiKeys().authenticate(ann.secret()).isEmpty());
        assertTrue(stores.sessions().find(session.token()).isEmpty(), "its browsers are signed out");
        assertTrue(stores.apiKeys().authenticate(annAgain.secret()).isPresent(), "the other key still works");
        assertTrue(stores.apiKeys().list().stream().anyMatch(k -> k.id().equals(ann.id()) && k.revokedAt() != null));
    }

    @Test
    void givenASession_whenItExpiresOrIsClosed_thenItIsGone() {
        Assumptions.assumeTrue(stores.sessions() != null, "sessions are kept only in a database");
        Principal bob = stores.apiKeys().authenticate(stores.apiKeys().create("bob", Role.USER).secret()).orElseThrow();
        Session closed = stores.sessions().open(bob);
        stores.sessions().close(closed.token());
        assertTrue(stores.sessions().find(closed.token()).isEmpty());
        Session expiring = stores.sessions().open(bob);
        clock.advance(SESSION_TTL.plusSeconds(1));
        assertTrue(stores.sessions().find(expiring.token()).isEmpty());
        assertTrue(stores.sessions().find("not-a-token").isEmpty());
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
