package dev.cited.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.answer.ModelException;
import dev.cited.answer.TokenListener;
import dev.cited.citation.Citation;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.ConversationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answering half on its own, with a scripted conversation service and the Slack stand-in. */
class SlackAnswererTest {
    private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofSeconds(5));
    private SlackStandIn slack;
    private SlackWebApi api;
    private final List<AskRequest> asked = new CopyOnWriteArrayList<>();

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

    private SlackAnswerer answerer(Function<AskRequest, AskResult> answers) {
        ConversationService service = new ConversationService() {
            @Override
            public AskResult ask(AskRequest request, TokenListener listener) {
                asked.add(request);
                return answers.apply(request);
            }

            @Override
            public boolean hasTurn(String conversationId, String owner, int turn) {
                return false;
            }

            @Override
            public String modelName() {
                return "scripted";
            }
        };
        return new SlackAnswerer(service, api, new ResponseUrlClient(FAST, Duration.ofSeconds(5)),
                new AnswerFormatter(null));
    }

    private static AskResult answer(AskRequest r) {
        return new AskResult(r.conversationId() == null ? "new" : r.conversationId(), 1, "An answer [1].", true,
                List.of(new Citation(1, "d1", "Doc", "a quote", 0, 7)), List.of(), "scripted", r.question(), null);
    }

    @Test
    void givenAModelFailure_whenAnswering_thenApologyInTheThreadAndReactionRemoved() {
        answerer(r -> {
            throw new ModelException("boom", false, null);
        }).answerInThread("C1", "1.2", "1.1", "Who?");
        List<SlackStandIn.ApiCall> posts = slack.callsIn("chat.postMessage", "C1");
        assertEquals(1, posts.size());
        assertEquals("1.1", posts.get(0).param("thread_ts"));
        assertTrue(posts.get(0).param("text").startsWith("Sorry"));
        assertEquals(1, slack.callsIn("reactions.add", "C1").size());
        assertEquals("1.2", slack.callsIn("reactions.remove", "C1").get(0).param("timestamp"));
    }

    @Test
    void givenReactionsFail_whenAnswering_thenTheAnswerIsStillPosted() {
        slack.failNext("reactions.add", "missing_scope");
        answerer(SlackAnswererTest::answer).answerInThread("C2", "2.1", "2.1", "Who?");
        assertEquals(1, slack.callsIn("chat.postMessage", "C2").size());
        assertEquals("slack-C2-2.1", asked.get(0).conversationId());
        assertTrue(slack.callsIn("reactions.remove", "C2").isEmpty());
    }

    @Test
    void givenAnEmptyMention_whenAnswering_thenHelpWithoutAsking() {
        answerer(SlackAnswererTest::answer).answerInThread("C3", "3.1", "3.1", "");
        assertTrue(asked.isEmpty());
        assertTrue(slack.callsIn("chat.postMessage", "C3").get(0).param("text").startsWith("Ask me a question"));
    }

    @Test
    void givenASlashCommand_whenAnswered_thenInChannelPostToTheResponseUrl() {
        answerer(SlackAnswererTest::answer).answerSlashCommand("Who?", slack.responseUrl("r1"));
        JsonNode body = slack.responsePosts("r1").get(0).body();
        assertEquals("in_channel", body.path("response_type").asText());
        assertTrue(body.path("blocks").toString().contains("a quote"));
        assertEquals(null, asked.get(0).conversationId());
    }
}
