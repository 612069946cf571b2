package dev.cited.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.eval.ClaimCase;
import dev.cited.eval.EvalCommand;
import dev.cited.eval.ScriptedModelServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.cited.slack.SignedSlackClient.JSON;
import static dev.cited.slack.SlackStandIn.BOT_USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model that plants an error, answering in Slack: a signed mention, a stand-in model (over HTTP through the
 * production OpenAI client) that writes a true claim and a swapped name, and a stand-in Slack Web API. The
 * thread gets only the verified answer and a short note that a statement was removed.
 */
class SlackGroundedAnswerTest {
    private static final String SECRET = SignatureVerifierTest.DOC_SECRET;
    private static final String QUESTION = "Who went to Seoul in 2023 to push for a closer partnership?";
    private static final String PLANTED = "Jens Stoltenberg joined her on the trip.";
    private static final List<ClaimCase> CASES = List.of(new ClaimCase("slack-1", QUESTION, List.of(
            new ClaimCase.Sentence("In 2023 Ursula von der Leyen, the European Commission president, travelled to Seoul "
                    + "to push for a closer partnership.", "004_c0a5f909db2a0263", null,
                    List.of("Ursula von der Leyen, president of the European Commission, went to Seoul"), null,
                    ClaimCase.Cite.RIGHT),
            new ClaimCase.Sentence(PLANTED, "004_c0a5f909db2a0263", "invented", List.of(),
                    "went to Seoul to push for a closer partnership", null))));

    private static ScriptedModelServer model;
    private static SlackStandIn slack;
    private static CitedServer server;

    @BeforeAll
    static void start() throws java.io.IOException {
        model = ScriptedModelServer.start(CASES, 0);
        slack = new SlackStandIn();
        server = CitedServer.start(CitedConfig.builder().port(0).model(EvalCommand.STAND_IN_MODEL)
                .slackSigningSecret(SECRET).slackBotToken("xoxb-test").slackApiUrl(slack.apiUrl()).build(), model.env());
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.close();
        model.close();
    }

    @Test
    void givenAMention_whenTheModelPlantsAnError_thenTheThreadGetsOnlyTheVerifiedAnswerAndANote() throws Exception {
        String channel = "C0GROUNDED";
        String ts = Instant.now().getEpochSecond() + ".000100";
        assertEquals(200, new SignedSlackClient(server.port(), SECRET).signed(mention(channel, ts), JSON).statusCode());

        SlackStandIn.ApiCall post = SlackStandIn.await(() -> slack.callsIn("chat.postMessage", channel),
                Duration.ofSeconds(30), "the answer posted").get(0);

        String blocks = post.param("blocks");
        assertTrue(post.param("text").contains("Ursula von der Leyen"), post.param("text"));
        assertFalse(post.param("text").contains("Stoltenberg"), "the planted claim is not posted: " + post.param("text"));
        assertFalse(blocks.contains("Stoltenberg"), blocks);
        assertTrue(blocks.contains("_1 statement removed: not supported by the sources_"), blocks);
        assertTrue(post.param("text").contains("1 statement removed: not supported by the sources"));
        assertTrue(blocks.contains("Ursula von der Leyen, president of the European Commission, went to Seoul"),
                "the source quoted is the one that supports the claim: " + blocks);
    }

    private static String mention(String channel, String ts) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "event_callback");
        root.put("event_id", "Ev0GROUNDED1");
        root.put("team_id", "T0STANDIN");
        ObjectNode auth = root.putArray("authorizations").addObject();
        auth.put("user_id", BOT_USER_ID);
        auth.put("is_bot", true);
        ObjectNode event = root.putObject("event");
        event.put("type", "app_mention");
        event.put("user", "U0HUMAN");
        event.put("channel", channel);
        event.put("ts", ts);
        event.put("text", "<@" + BOT_USER_ID + "> " + QUESTION);
        return mapper.writeValueAsString(root);
    }
}
