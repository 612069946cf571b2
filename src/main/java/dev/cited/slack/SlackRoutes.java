package dev.cited.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cited.conversation.ConversationService;
import dev.cited.feedback.FeedbackStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /slack/events}: one endpoint for Events API JSON, slash-command forms and interactivity payloads, as
 * Slack's Bolt does. Every request is verified on its raw body first; events are acknowledged at once and answered
 * on a bounded pool. With no signing secret nothing is registered, so the path answers 404.
 */
public final class SlackRoutes implements AutoCloseable {
    public static final String PATH = "/slack/events";
    static final String RETRY_HEADER = "X-Slack-Retry-Num";
    static final String LOOKING = "Looking that up…";
    static final String BUSY = "I'm answering a lot of questions right now; please try again in a minute.";
    static final String NO_RESPONSE_URL = "I can't reply to this command: it came without a usable response_url.";

    private static final Logger LOG = LoggerFactory.getLogger(SlackRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackSettings settings;
    private final FeedbackStore feedback;
    private final SignatureVerifier verifier;
    private final RecentKeys recent;
    private final SlackWebApi api;
    private final SlackWorkers workers;
    private final BotIdentity identity;
    private final SlackAnswerer answerer;

    public SlackRoutes(SlackSettings settings, ConversationService conversations, FeedbackStore feedback) {
        this(settings, conversations, feedback, Clock.systemUTC(), RetryPolicy.DEFAULT);
    }

    SlackRoutes(SlackSettings settings, ConversationService conversations, FeedbackStore feedback, Clock clock,
                RetryPolicy retry) {
        this.settings = settings;
        this.feedback = feedback;
        if (!settings.enabled()) {
            verifier = null;
            recent = null;
            api = null;
            workers = null;
            identity = null;
            answerer = null;
            return;
        }
        if (settings.botToken() == null || settings.botToken().isBlank()) {
            LOG.warn("SLACK_BOT_TOKEN is not set: the bot cannot post answers in threads "
                    + "(slash commands still answer through their response_url)");
        }
        Duration timeout = Duration.ofSeconds(10);
        this.verifier = new SignatureVerifier(settings.signingSecret(), clock);
        this.recent = new RecentKeys(Duration.ofHours(1), 20_000, clock);
        this.api = new SlackWebApi(settings.apiUrl(), settings.botToken(), retry, timeout);
        this.workers = new SlackWorkers(4, 100);
        this.identity = new BotIdentity(api::botUserId);
        this.answerer = new SlackAnswerer(conversations, api, new ResponseUrlClient(retry, timeout),
                new AnswerFormatter(settings.publicUrl()));
    }

    public void register(RoutesConfig routes) {
        if (!settings.enabled()) {
            LOG.info("Slack endpoint off: SLACK_SIGNING_SECRET is not set");
            return;
        }
        routes.post(PATH, this::handle);
    }

    void handle(Context ctx) {
        byte[] raw = ctx.bodyAsBytes();
        SignatureVerifier.Outcome outcome = verifier.verify(ctx.header(SignatureVerifier.TIMESTAMP_HEADER),
                ctx.header(SignatureVerifier.SIGNATURE_HEADER), raw);
        if (!outcome.valid()) {
            LOG.warn("Refused a Slack request from {}: {}", ctx.ip(), outcome);
            error(ctx, 401, outcome.name().toLowerCase(Locale.ROOT), outcome.message());
            return;
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        try {
            if (isJson(ctx.contentType(), body)) {
                handleJson(ctx, body);
            } else {
                handleForm(ctx, FormBody.parse(body));
            }
        } catch (JsonProcessingException e) {
            error(ctx, 400, "invalid_json", "The request body is not valid JSON");
        } catch (IllegalArgumentException e) {
            LOG.warn("Malformed Slack request: {}", e.getMessage());
            error(ctx, 400, "bad_request", "The request body is not a valid form");
        } catch (RuntimeException e) {
            LOG.warn("Could not process a Slack request", e);
            error(ctx, 400, "bad_request", "The Slack request could not be processed");
        }
    }

    private static boolean isJson(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return true;
        }
        if (type.contains("x-www-form-urlencoded")) {
            return false;
        }
        return body.stripLeading().startsWith("{");
    }

    // ---- Events API ---------------------------------------------------------------------------------------------

    private void handleJson(Context ctx, String body) throws JsonProcessingException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isObject()) {
            error(ctx, 400, "invalid_json", "The request body must be a JSON object");
            return;
        }
        String type = root.path("type").asText("");
        switch (type) {
            case "url_verification" -> {
                JsonNode challenge = root.path("challenge");
                if (!challenge.isTextual()) {
                    error(ctx, 400, "bad_request", "url_verification needs a challenge");
                    return;
                }
                ctx.status(200).contentType("text/plain; charset=utf-8").result(challenge.asText());
            }
            case "event_callback" -> {
                handleEvent(root, ctx.header(RETRY_HEADER));
                ctx.status(200);
            }
            case "app_rate_limited" -> {
                LOG.warn("Slack is rate limiting this app's events (minute_rate_limited {})",
                        root.path("minute_rate_limited").asText());
                ctx.status(200);
            }
            default -> {
                LOG.debug("Ignored a Slack request of type '{}'", type);
                ctx.status(200);
            }
        }
    }

    private void handleEvent(JsonNode root, String retryNum) {
        JsonNode event = root.path("event");
        if (!event.isObject()) {
            return;
        }
        identity.learn(root.path("authorizations").path(0).path("user_id").asText(null));
        MessageEvent message = MessageEvent.from(event);
        if (!message.addressedToBot() || message.fromBotOrSystem() || !message.complete()) {
            return;
        }
        String known = identity.known();
        if (known != null && known.equals(message.user())) {
            return;
        }
        List<String> keys = new ArrayList<>();
        keys.add("msg:" + message.channel() + ":" + message.ts());
        String eventId = root.path("event_id").asText("");
        if (!eventId.isBlank()) {
            keys.add("event:" + eventId);
        }
        if (!recent.claim(keys)) {
            LOG.info("Already handled {} {} in {} (event {}, retry {})", message.type(), message.ts(),
                    message.channel(), eventId, retryNum == null ? "none" : retryNum);
            return;
        }
        String thread = message.channel() + ":" + message.threadRoot();
        workers.submit(thread, "answer " + message.channel() + " " + message.ts(), () -> {
            String bot = identity.resolve();
            if (bot != null && bot.equals(message.user())) {
                return;
            }
            answerer.answerInThread(message.channel(), message.ts(), message.threadRoot(),
                    SlackText.question(message.text(), bot));
        });
    }

    // ---- Slash commands and interactivity --------------------------------------------------------------------------

    private void handleForm(Context ctx, FormBody form) throws JsonProcessingException {
        if (form.has("ssl_check")) {
            ctx.status(200);
        } else if (form.has("payload")) {
            handleInteraction(ctx, JSON.readTree(form.get("payload")));
        } else if (form.has("command")) {
            handleSlashCommand(ctx, form);
        } else {
            ctx.status(200);
        }
    }

    private void handleSlashCommand(Context ctx, FormBody form) throws JsonProcessingException {
        String command = form.get("command") == null || form.get("command").isBlank() ? "/ask" : form.get("command");
        String question = SlackText.toPlain(form.get("text") == null ? "" : form.get("text")).trim();
        if (question.isEmpty()) {
            ephemeral(ctx, "Usage: `" + command + " <question>`, for example `" + command
                    + " Who is Jens Stoltenberg?`. I answer from the documents, quoting the exact passages I used.");
            return;
        }
        if (question.length() > ConversationService.MAX_QUESTION_LENGTH) {
            ephemeral(ctx, SlackAnswerer.TOO_LONG);
            return;
        }
        String responseUrl = form.get("response_url");
        if (!ResponseUrlClient.acceptable(responseUrl)) {
            ephemeral(ctx, NO_RESPONSE_URL);
            return;
        }
        boolean queued = workers.submit("slash command in " + form.get("channel_id"),
                () -> answerer.answerSlashCommand(question, responseUrl));
        ephemeral(ctx, queued ? LOOKING : BUSY);
    }

    private void handleInteraction(Context ctx, JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            error(ctx, 400, "invalid_json", "payload must be a JSON object");
            return;
        }
        if ("block_actions".equals(payload.path("type").asText())) {
            String responseUrl = payload.path("response_url").asText(null);
            for (JsonNode action : payload.path("actions")) {
                if (!action.path("action_id").asText("").startsWith(FeedbackButton.ACTION_PREFIX)) {
                    continue;
                }
                FeedbackButton.parse(action.path("value").asText(null)).ifPresentOrElse(
                        button -> {
                            feedback.save(button.conversationId(), button.turn(), button.rating(), "", "slack");
                            LOG.info("Slack feedback {} on {} turn {}", button.rating(), button.conversationId(),
                                    button.turn());
                            if (ResponseUrlClient.acceptable(responseUrl)) {
                                workers.submit("feedback thanks", () -> answerer.thank(button.rating(), responseUrl));
                            }
                        },
                        () -> LOG.warn("Ignored a feedback action with a malformed value"));
            }
        }
        ctx.status(200);
    }

    // ---- Responses ----------------------------------------------------------------------------------------------

    private static void ephemeral(Context ctx, String text) throws JsonProcessingException {
        ObjectNode body = JSON.createObjectNode();
        body.put("response_type", "ephemeral");
        body.put("text", text);
        ctx.status(200).contentType("application/json").result(JSON.writeValueAsString(body));
    }

    private static void error(Context ctx, int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    @Override
    public void close() {
        close(SlackWorkers.DEFAULT_DRAIN);
    }

    /** Lets the answers queued and running finish within {@code drain}, then stops. */
    public void close(java.time.Duration drain) {
        if (workers != null) {
            workers.close(drain);
        }
        if (api != null) {
            api.close();
        }
    }
}
