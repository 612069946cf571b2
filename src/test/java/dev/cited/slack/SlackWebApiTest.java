package dev.cited.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackWebApiTest {
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(5));
    private SlackStandIn slack;
    private SlackWebApi api;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackStandIn();
        api = new SlackWebApi(slack.apiUrl(), "xoxb-test", FAST, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        api.close();
        slack.close();
    }

    @Test
    void givenAReply_whenPosted_thenSentWithTheBotTokenInTheThread() {
        SlackReply reply = new AnswerFormatter(null).notice("Hello & welcome");
        assertTrue(api.postMessage("C1", "1.5", reply));
        SlackStandIn.ApiCall call = slack.callsIn("chat.postMessage", "C1").get(0);
        assertEquals("Bearer xoxb-test", call.authorization());
        assertEquals("1.5", call.param("thread_ts"));
        assertEquals("Hello &amp; welcome", call.param("text"));
        assertTrue(call.param("blocks").contains("\"type\":\"section\""));
    }

    @Test
    void givenSlackRateLimitsOnce_whenPosting_thenRetriedAfterRetryAfterAndPosted() {
        slack.rateLimitNext("chat.postMessage", 1);
        assertTrue(api.postMessage("C2", "2.5", new AnswerFormatter(null).notice("hi")));
        assertEquals(2, slack.callsIn("chat.postMessage", "C2").size());
    }

    @Test
    void givenATransientOkFalse_whenPosting_thenRetried() {
        slack.failNext("chat.postMessage", "internal_error");
        slack.failNext("chat.postMessage", "fatal_error");
        assertTrue(api.postMessage("C3", "3.5", new AnswerFormatter(null).notice("hi")));
        assertEquals(3, slack.callsIn("chat.postMessage", "C3").size());
    }

    @Test
    void givenAPermanentError_whenPosting_thenGivenUpWithoutRetry() {
        slack.failNext("chat.postMessage", "channel_not_found");
        assertFalse(api.postMessage("C4", "4.5", new AnswerFormatter(null).notice("hi")));
        assertEquals(1, slack.callsIn("chat.postMessage", "C4").size());
    }

    @Test
    void givenSlackKeepsFailing_whenPosting_thenGivesUpAfterTheBound() {
        for (int i = 0; i < 5; i++) {
            slack.failNext("chat.postMessage", "service_unavailable");
        }
        assertFalse(api.postMessage("C5", "5.5", new AnswerFormatter(null).notice("hi")));
        assertEquals(3, slack.callsIn("chat.postMessage", "C5").size());
    }

    @Test
    void givenReactionsKeepFailing_whenReacting_thenFewerRetriesThanForAnswers() {
        for (int i = 0; i < 5; i++) {
            slack.failNext("reactions.add", "service_unavailable");
        }
        assertFalse(api.addReaction("C7", "7.5", "eyes"));
        assertEquals(2, slack.callsIn("reactions.add", "C7").size());
    }

    @Test
    void givenALongRetryAfterOnAReaction_whenReacting_thenGivenUpAtOnce() {
        slack.rateLimitNext("reactions.add", 30);
        assertFalse(api.addReaction("C8", "8.5", "eyes"));
        assertEquals(1, slack.callsIn("reactions.add", "C8").size());
    }

    @Test
    void givenNothingListening_whenPosting_thenFalseNotThrown() {
        try (SlackWebApi dead = new SlackWebApi("http://127.0.0.1:9/api/", "xoxb-test", FAST, Duration.ofSeconds(1))) {
            assertFalse(dead.addReaction("C6", "6.5", "eyes"));
        }
    }

    @Test
    void givenAuthTest_whenAsked_thenTheBotUserId() {
        assertEquals(SlackStandIn.BOT_USER_ID, api.botUserId().orElseThrow());
    }
}
