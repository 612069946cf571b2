package dev.cited.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.feedback.Feedback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.cited.slack.SignedSlackClient.FORM;
import static dev.cited.slack.SignedSlackClient.JSON;
import static dev.cited.slack.SlackStandIn.BOT_USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real server on a free port, with Slack replaced by a local stand-in: requests signed as Slack signs them,
 * answers observed as the Web API calls and response_url posts the stand-in records.
 */
class SlackWebhookEndToEndTest {
    // The server uses the signing secret of Slack's documented example, so that example fails only for its age.
    private static final String SECRET = SignatureVerifierTest.DOC_SECRET;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SOURCE_LINE = Pattern.compile("^\\[(\\d+)] (.*?) — \"(.*)\"$", Pattern.MULTILINE);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static SlackStandIn slack;
    private static CitedServer server;
    private static SignedSlackClient client;
    private static String seedText;

    @BeforeAll
    static void start() throws IOException {
        slack = new SlackStandIn();
        server = CitedServer.start(CitedConfig.builder().port(0)
                .slackSigningSecret(SECRET)
                .slackBotToken("xoxb-test")
                .slackApiUrl(slack.apiUrl())
                .publicUrl("http://cited.test")
                .build());
        client = new SignedSlackClient(server.port(), SECRET);
        StringBuilder seeds = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            for (Path file : files.sorted().toList()) {
                seeds.append(Files.readString(file)).append('\n');
            }
        }
        seedText = seeds.toString();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    // ---- verification and handshake ------------------------------------------------------------------------------

    @Test
    void givenUrlVerification_whenSigned_thenTheChallengeIsReturned() {
        HttpResponse<String> response = client.signed(
                "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7\","
                        + "\"type\":\"url_verification\"}", JSON);
        assertEquals(200, response.statusCode());
        assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7", response.body());
    }

    @Test
    void givenAnSslCheck_whenSigned_thenEmpty200() {
        HttpResponse<String> response = client.signed("ssl_check=1&token=x", FORM);
        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void givenAWrongSignature_whenPosted_then401() {
        String body = "{\"type\":\"url_verification\",\"challenge\":\"c\"}";
        String ts = now(0);
        assertUnauthorized(client.send(body, JSON, ts,
                SignatureVerifier.sign("not-the-secret", ts, body.getBytes(StandardCharsets.UTF_8)), Map.of()));
        assertUnauthorized(client.send(body, JSON, ts, "v0=" + "0".repeat(64), Map.of()));
    }

    @Test
    void givenStaleOrFutureTimestamps_whenCorrectlySigned_then401() {
        String body = "{\"type\":\"url_verification\",\"challenge\":\"c\"}";
        for (long skew : new long[]{-301, -3600, 301, 3600}) {
            String ts = now(skew);
            assertUnauthorized(client.send(body, JSON, ts,
                    SignatureVerifier.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)), Map.of()));
        }
        String ts = now(-250);
        assertEquals(200, client.send(body, JSON, ts,
                SignatureVerifier.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)), Map.of()).statusCode());
    }

    @Test
    void givenMissingHeaders_whenPosted_then401() {
        String body = "{\"type\":\"url_verification\",\"challenge\":\"c\"}";
        String ts = now(0);
        String sig = SignatureVerifier.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(client.send(body, JSON, null, sig, Map.of()));
        assertUnauthorized(client.send(body, JSON, ts, null, Map.of()));
        assertUnauthorized(client.send(body, JSON, null, null, Map.of()));
    }

    @Test
    void givenSlacksDocumentedExample_whenSentNow_then401ForItsAge() {
        assertUnauthorized(client.send(SignatureVerifierTest.DOC_BODY, FORM, SignatureVerifierTest.DOC_TIMESTAMP,
                SignatureVerifierTest.DOC_SIGNATURE, Map.of()));
    }

    @Test
    void givenBadJsonOrPayload_whenSigned_then400WithAnErrorAndUnknownTypesAreIgnored() throws IOException {
        HttpResponse<String> bad = client.signed("{\"type\": \"event_callback\", ", JSON);
        assertEquals(400, bad.statusCode());
        assertEquals("invalid_json", MAPPER.readTree(bad.body()).path("error").path("code").asText());
        assertEquals(400, client.signed("[1,2]", JSON).statusCode());
        assertEquals(400, client.signed("payload=%7Bnot+json", FORM).statusCode());
        assertEquals(400, client.signed("payload=%ZZ", FORM).statusCode());
        assertEquals(200, client.signed("{\"type\":\"something_new\"}", JSON).statusCode());
        assertEquals(200, client.signed("payload=" + enc("{\"type\":\"view_submission\"}"), FORM).statusCode());
        assertEquals(200, client.signed("{\"type\":\"event_callback\",\"event\":{\"type\":\"reaction_added\"}}",
                JSON).statusCode());
        assertEquals(200, client.signed("{\"type\":\"event_callback\",\"event\":\"not an object\"}", JSON)
                .statusCode());
    }

    // ---- events ------------------------------------------------------------------------------------------------

    @Test
    void givenAnAppMention_whenSigned_thenAnsweredOnceInItsThreadWithQuotedSources() throws IOException {
        String channel = channel("C");
        String ts = ts();
        HttpResponse<String> ack = client.signed(
                mention(eventId(), channel, ts, null, "<@" + BOT_USER_ID + "> Who is Jens Stoltenberg?"), JSON);
        assertEquals(200, ack.statusCode());

        SlackStandIn.ApiCall post = awaitPosts(channel, 1).get(0);
        awaitReactionRemoved(channel, ts);

        assertEquals(ts, post.param("thread_ts"));
        assertEquals("Bearer xoxb-test", post.authorization());
        JsonNode blocks = MAPPER.readTree(post.param("blocks"));
        assertEquals("section", blocks.get(0).path("type").asText());
        assertTrue(blocks.get(0).path("text").path("text").asText().contains("[1]"), blocks.toString());
        List<String> quotes = quotesIn(blocks);
        assertFalse(quotes.isEmpty(), "no sources in " + blocks);
        for (String quote : quotes) {
            assertTrue(seedText.contains(quote), "not an exact quote from the documents: " + quote);
        }
        assertTrue(post.param("blocks").contains("http://cited.test/#doc="), "sources link to the web UI");
        assertTrue(post.param("text").contains("Sources:"), "plain fallback lists sources");
        assertEquals("eyes", slack.callsIn("reactions.add", channel).get(0).param("name"));
        assertEquals(ts, slack.callsIn("reactions.add", channel).get(0).param("timestamp"));
        assertEquals(1, slack.callsIn("chat.postMessage", channel).size());
    }

    @Test
    void givenARetriedEvent_whenTheSameEventIdArrivesAgain_thenAnsweredOnce() {
        String channel = channel("C");
        String ts = ts();
        String id = eventId();
        String body = mention(id, channel, ts, null, "<@" + BOT_USER_ID + "> Who is Jens Stoltenberg?");
        assertEquals(200, client.signed(body, JSON).statusCode());
        assertEquals(200, client.signed(body, JSON,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")).statusCode());
        assertEquals(200, client.signed(body, JSON,
                Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout")).statusCode());

        awaitPosts(channel, 1);
        awaitReactionRemoved(channel, ts);
        answeredSentinel();
        assertEquals(1, slack.callsIn("chat.postMessage", channel).size());
    }

    @Test
    void givenAMentionDeliveredAsBothAppMentionAndMessage_whenSigned_thenAnsweredOnce() {
        String channel = channel("D");
        String ts = ts();
        String text = "<@" + BOT_USER_ID + "> Who is Jens Stoltenberg?";
        assertEquals(200, client.signed(mention(eventId(), channel, ts, null, text), JSON).statusCode());
        assertEquals(200, client.signed(directMessage(eventId(), channel, ts, null, text, true), JSON).statusCode());

        awaitPosts(channel, 1);
        awaitReactionRemoved(channel, ts);
        answeredSentinel();
        assertEquals(1, slack.callsIn("chat.postMessage", channel).size());
    }

    @Test
    void givenBotAndSystemMessages_whenSigned_thenIgnored() throws IOException {
        String channel = channel("D");
        ObjectNode fromBot = event(eventId(), "message", channel, "im", null, "I am a bot", ts(), null, true);
        ((ObjectNode) fromBot.path("event")).put("bot_id", "B0OTHER");
        ObjectNode botMessage = event(eventId(), "message", channel, "im", null, "bot says", ts(), null, true);
        ((ObjectNode) botMessage.path("event")).put("subtype", "bot_message");
        ((ObjectNode) botMessage.path("event")).put("bot_id", "B0OTHER");
        ObjectNode ownMessage = event(eventId(), "message", channel, "im", BOT_USER_ID, "my own answer", ts(), null,
                true);
        ObjectNode edited = event(eventId(), "message", channel, "im", "U0HUMAN", "edited", ts(), null, true);
        ((ObjectNode) edited.path("event")).put("subtype", "message_changed");
        ObjectNode channelMessage = event(eventId(), "message", channel("C"), "channel", "U0HUMAN",
                "Who is Jens Stoltenberg?", ts(), null, true);
        for (ObjectNode body : List.of(fromBot, botMessage, ownMessage, edited, channelMessage)) {
            assertEquals(200, client.signed(MAPPER.writeValueAsString(body), JSON).statusCode());
        }
        answeredSentinel();
        assertTrue(slack.callsIn("chat.postMessage", channel).isEmpty());
        assertTrue(slack.callsIn("reactions.add", channel).isEmpty());
        assertTrue(slack.callsIn("chat.postMessage", channelMessage.path("event").path("channel").asText())
                .isEmpty());
    }

    @Test
    void givenADirectMessageWithoutAuthorizations_whenSigned_thenAnsweredInItsThread() {
        String channel = channel("D");
        String ts = ts();
        assertEquals(200, client.signed(directMessage(eventId(), channel, ts, null, "Who is Jens Stoltenberg?", false),
                JSON).statusCode());
        SlackStandIn.ApiCall post = awaitPosts(channel, 1).get(0);
        assertEquals(ts, post.param("thread_ts"));
        assertTrue(post.param("blocks").contains("*Sources*"), post.param("blocks"));
        awaitReactionRemoved(channel, ts);
    }

    @Test
    void givenAFollowUpInTheThread_whenSigned_thenItContinuesTheThreadsConversation() throws IOException {
        String channel = channel("C");
        String root = ts();
        client.signed(mention(eventId(), channel, root, null, "<@" + BOT_USER_ID + "> Who is Jens Stoltenberg?"),
                JSON);
        SlackStandIn.ApiCall first = awaitPosts(channel, 1).get(0);
        awaitReactionRemoved(channel, root);

        String reply = ts();
        assertEquals(200, client.signed(mention(eventId(), channel, reply, root,
                "<@" + BOT_USER_ID + "> What did he say about North Korea?"), JSON).statusCode());
        SlackStandIn.ApiCall followUp = awaitPosts(channel, 2).get(1);
        awaitReactionRemoved(channel, reply);

        assertEquals(root, followUp.param("thread_ts"));
        FeedbackButton firstTurn = feedbackButton(first);
        FeedbackButton secondTurn = feedbackButton(followUp);
        assertEquals(ConversationIds.forThread(channel, root), firstTurn.conversationId());
        assertEquals(firstTurn.conversationId(), secondTurn.conversationId());
        assertEquals(1, firstTurn.turn());
        assertEquals(2, secondTurn.turn());
        assertFalse(quotesIn(MAPPER.readTree(followUp.param("blocks"))).isEmpty(), followUp.param("blocks"));
        assertTrue(followUp.param("text").contains("ammunition"), followUp.param("text"));
    }

    @Test
    void givenAQuickFollowUpBeforeTheFirstAnswer_whenSigned_thenTheyAreAnsweredInOrderAsOneConversation()
            throws IOException {
        String channel = channel("C");
        String root = ts();
        String reply = ts();
        client.signed(mention(eventId(), channel, root, null, "<@" + BOT_USER_ID + "> Who is Jens Stoltenberg?"),
                JSON);
        client.signed(mention(eventId(), channel, reply, root,
                "<@" + BOT_USER_ID + "> What did he say about North Korea?"), JSON);
        List<SlackStandIn.ApiCall> posts = awaitPosts(channel, 2);
        awaitReactionRemoved(channel, reply);
        assertEquals(1, feedbackButton(posts.get(0)).turn());
        assertEquals(2, feedbackButton(posts.get(1)).turn());
        assertEquals(root, posts.get(1).param("thread_ts"));
    }

    @Test
    void givenSlackRateLimitsThePost_whenAnswering_thenRetriedAfterRetryAfterAndPostedOnce() {
        String channel = channel("C");
        String ts = ts();
        slack.rateLimitNext("chat.postMessage", 1);
        assertEquals(200, client.signed(mention(eventId(), channel, ts, null,
                "<@" + BOT_USER_ID + "> Who is Jens Stoltenberg?"), JSON).statusCode());
        awaitReactionRemoved(channel, ts);
        List<SlackStandIn.ApiCall> posts = slack.callsIn("chat.postMessage", channel);
        assertEquals(2, posts.size(), "one rate-limited attempt, one success");
        assertEquals(posts.get(0).param("blocks"), posts.get(1).param("blocks"));
    }

    // ---- slash command and feedback -----------------------------------------------------------------------------

    @Test
    void givenASlashCommand_whenSigned_thenEphemeralAckThenAnInChannelAnswerAtTheResponseUrl() throws IOException {
        String id = "slash" + SEQUENCE.incrementAndGet();
        HttpResponse<String> ack = client.signed(slashCommand("Who is Jens Stoltenberg?", slack.responseUrl(id)),
                FORM);
        assertEquals(200, ack.statusCode());
        JsonNode ackBody = MAPPER.readTree(ack.body());
        assertEquals("ephemeral", ackBody.path("response_type").asText());
        assertEquals("Looking that up…", ackBody.path("text").asText());

        JsonNode answer = SlackStandIn.await(() -> slack.responsePosts(id), WAIT, "the response_url post").get(0)
                .body();
        assertEquals("in_channel", answer.path("response_type").asText());
        assertFalse(answer.path("text").asText().isBlank());
        List<String> quotes = quotesIn(answer.path("blocks"));
        assertFalse(quotes.isEmpty(), answer.toString());
        quotes.forEach(q -> assertTrue(seedText.contains(q), q));
        assertEquals("actions", answer.path("blocks").get(answer.path("blocks").size() - 1).path("type").asText());
    }

    @Test
    void givenTheSameSlashCommandSentThreeTimes_whenSigned_thenAnsweredOnce() throws IOException {
        String id = "slash" + SEQUENCE.incrementAndGet();
        String body = slashCommand("Who is Jens Stoltenberg?", slack.responseUrl(id));
        assertEquals("Looking that up…", MAPPER.readTree(client.signed(body, FORM).body()).path("text").asText());
        assertEquals(200, client.signed(body, FORM).statusCode());
        assertEquals(200, client.signed(body, FORM).statusCode());
        SlackStandIn.await(() -> slack.responsePosts(id), WAIT, "the response_url post");
        answeredSentinel();
        assertEquals(1, slack.responsePosts(id).size(), "one answer for one command");
    }

    @Test
    void givenAFeedbackButtonForAnAnswerNeverGiven_whenClicked_thenNothingIsStored() throws IOException {
        String conversationId = ConversationIds.forThread(channel("C"), ts());
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", "U0HUMAN");
        ObjectNode action = payload.putArray("actions").addObject();
        action.put("action_id", new FeedbackButton(Feedback.Rating.UP, 1, conversationId).actionId());
        action.put("value", new FeedbackButton(Feedback.Rating.UP, 1, conversationId).value());
        assertEquals(200, client.signed("payload=" + enc(MAPPER.writeValueAsString(payload)), FORM).statusCode());
        assertTrue(server.feedbackStore().all().stream().noneMatch(f -> f.conversationId().equals(conversationId)));
    }

    @Test
    void givenASlashCommandWithoutText_whenSigned_thenEphemeralUsageAndNothingPosted() throws IOException {
        String id = "slash" + SEQUENCE.incrementAndGet();
        HttpResponse<String> ack = client.signed(slashCommand("  ", slack.responseUrl(id)), FORM);
        assertEquals(200, ack.statusCode());
        JsonNode body = MAPPER.readTree(ack.body());
        assertEquals("ephemeral", body.path("response_type").asText());
        assertTrue(body.path("text").asText().startsWith("Usage: `/ask <question>`"), body.toString());
        answeredSentinel();
        assertTrue(slack.responsePosts(id).isEmpty());
    }

    @Test
    void givenAFeedbackButtonClicked_whenSigned_thenStoredAsSlackFeedbackAndTheClickerThanked() throws IOException {
        String channel = channel("C");
        String ts = ts();
        client.signed(mention(eventId(), channel, ts, null, "<@" + BOT_USER_ID + "> Who is Jens Stoltenberg?"), JSON);
        SlackStandIn.ApiCall post = awaitPosts(channel, 1).get(0);
        awaitReactionRemoved(channel, ts);
        JsonNode blocks = MAPPER.readTree(post.param("blocks"));
        JsonNode down = blocks.get(blocks.size() - 1).path("elements").get(1);
        FeedbackButton expected = FeedbackButton.parse(down.path("value").asText()).orElseThrow();

        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", "U0HUMAN");
        payload.putObject("channel").put("id", channel);
        payload.putObject("container").put("type", "message").put("message_ts", "1.1");
        String feedbackId = "feedback" + SEQUENCE.incrementAndGet();
        payload.put("response_url", slack.responseUrl(feedbackId));
        ObjectNode action = payload.putArray("actions").addObject();
        action.put("type", "button");
        action.put("block_id", down.path("block_id").asText("cited_feedback"));
        action.put("action_id", down.path("action_id").asText());
        action.put("value", down.path("value").asText());
        action.put("action_ts", "1.2");
        assertEquals(200, client.signed("payload=" + enc(MAPPER.writeValueAsString(payload)), FORM).statusCode());

        List<Feedback> stored = server.feedbackStore().all().stream()
                .filter(f -> f.conversationId().equals(expected.conversationId())).toList();
        assertEquals(1, stored.size());
        assertEquals(Feedback.Rating.DOWN, stored.get(0).rating());
        assertEquals(expected.turn(), stored.get(0).turn());
        assertEquals("slack", stored.get(0).source());
        assertEquals(ConversationIds.forThread(channel, ts), stored.get(0).conversationId());

        JsonNode thanks = SlackStandIn.await(() -> slack.responsePosts(feedbackId), WAIT, "the thanks").get(0).body();
        assertEquals("ephemeral", thanks.path("response_type").asText(), "only the person who clicked sees it");
        assertFalse(thanks.path("replace_original").asBoolean(true), "the answer stays");
        assertEquals(SlackAnswerer.THANKS_DOWN, thanks.path("text").asText());
    }

    @Test
    void givenNoSigningSecret_whenServerStarts_thenTheEndpointIs404() {
        try (CitedServer plain = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25").build())) {
            HttpResponse<String> response = new SignedSlackClient(plain.port(), SECRET)
                    .signed("{\"type\":\"url_verification\",\"challenge\":\"c\"}", JSON);
            assertEquals(404, response.statusCode());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** A fresh question in a fresh channel, awaited: work queued before it has very likely finished too. */
    private static void answeredSentinel() {
        String channel = channel("C");
        String ts = ts();
        client.signed(mention(eventId(), channel, ts, null, "<@" + BOT_USER_ID + "> Who is Jens Stoltenberg?"), JSON);
        awaitPosts(channel, 1);
        awaitReactionRemoved(channel, ts);
    }

    private static FeedbackButton feedbackButton(SlackStandIn.ApiCall post) throws IOException {
        JsonNode blocks = MAPPER.readTree(post.param("blocks"));
        return FeedbackButton.parse(blocks.get(blocks.size() - 1).path("elements").get(0).path("value").asText())
                .orElseThrow();
    }

    private static List<SlackStandIn.ApiCall> awaitPosts(String channel, int count) {
        return SlackStandIn.await(() -> {
            List<SlackStandIn.ApiCall> posts = slack.callsIn("chat.postMessage", channel);
            return posts.size() >= count ? posts : List.of();
        }, WAIT, count + " chat.postMessage call(s) in " + channel);
    }

    private static void awaitReactionRemoved(String channel, String ts) {
        SlackStandIn.await(() -> slack.calls("reactions.remove",
                        c -> channel.equals(c.param("channel")) && ts.equals(c.param("timestamp"))),
                WAIT, "the eyes reaction removed from " + ts);
    }

    /** The quotes listed in a reply's "Sources" context, unescaped. */
    private static List<String> quotesIn(JsonNode blocks) {
        List<String> quotes = new ArrayList<>();
        for (JsonNode block : blocks) {
            if (!"context".equals(block.path("type").asText())) {
                continue;
            }
            for (JsonNode element : block.path("elements")) {
                Matcher m = SOURCE_LINE.matcher(element.path("text").asText());
                while (m.find()) {
                    quotes.add(m.group(3).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
                }
            }
        }
        return quotes;
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        try {
            assertFalse(MAPPER.readTree(response.body()).path("error").path("code").asText().isBlank());
        } catch (IOException e) {
            throw new AssertionError("401 without a JSON error: " + response.body(), e);
        }
    }

    private static String now(long skewSeconds) {
        return String.valueOf(Instant.now().getEpochSecond() + skewSeconds);
    }

    private static String channel(String prefix) {
        return prefix + "0TEST" + SEQUENCE.incrementAndGet();
    }

    private static String ts() {
        return Instant.now().getEpochSecond() + "." + String.format("%06d", SEQUENCE.incrementAndGet());
    }

    private static String eventId() {
        return "Ev0TEST" + SEQUENCE.incrementAndGet();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String mention(String eventId, String channel, String ts, String threadTs, String text) {
        return write(event(eventId, "app_mention", channel, null, "U0HUMAN", text, ts, threadTs, true));
    }

    private static String directMessage(String eventId, String channel, String ts, String threadTs, String text,
                                        boolean withAuthorizations) {
        return write(event(eventId, "message", channel, "im", "U0HUMAN", text, ts, threadTs, withAuthorizations));
    }

    /** An event_callback envelope as Slack sends it. */
    private static ObjectNode event(String eventId, String type, String channel, String channelType, String user,
                                    String text, String ts, String threadTs, boolean withAuthorizations) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("token", "XXYYZZ");
        root.put("team_id", "T0STANDIN");
        root.put("api_app_id", "A0CITED");
        ObjectNode event = root.putObject("event");
        event.put("type", type);
        if (user != null) {
            event.put("user", user);
        }
        event.put("text", text);
        event.put("ts", ts);
        event.put("channel", channel);
        if (channelType != null) {
            event.put("channel_type", channelType);
        }
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        event.put("event_ts", ts);
        root.put("type", "event_callback");
        root.put("event_id", eventId);
        root.put("event_time", Instant.now().getEpochSecond());
        if (withAuthorizations) {
            ObjectNode auth = root.putArray("authorizations").addObject();
            auth.put("enterprise_id", (String) null);
            auth.put("team_id", "T0STANDIN");
            auth.put("user_id", BOT_USER_ID);
            auth.put("is_bot", true);
        }
        return root;
    }

    private static String slashCommand(String text, String responseUrl) {
        return "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0STANDIN&team_domain=standin&channel_id=C0SLASH"
                + "&channel_name=general&user_id=U0HUMAN&user_name=ann&command=" + enc("/ask")
                + "&text=" + enc(text) + "&api_app_id=A0CITED&is_enterprise_install=false"
                + "&response_url=" + enc(responseUrl) + "&trigger_id=13345224609.738474920." + SEQUENCE.incrementAndGet();
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
