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
    /** Slack retries an event three times, then gives up on it. */
    static final int LAST_SLACK_RETRY = 3;
    static final String LOOKING = "Looking that up…";
    static final String BUSY = "I'm answering a lot of questions right now; please try again in a minute.";
    static final String NO_RESPONSE_URL = "I can't reply to this command: it came without a usable response_url.";

    private static final Logger LOG = LoggerFactory.getLogger(SlackRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackSettings settings;
    private final FeedbackStore feedback;
    private final SignatureVerifier verifier;
    private final EventKeys recent;
    private final ConversationService conversations;
    private final SlackWebApi api;
    private final SlackWorkers workers;
    private final BotIdentity identity;
    private final SlackAnswerer answerer;

    /** @param keys the Slack requests already taken on (kept in the database, so a restart forgets none) */
    public SlackRoutes(SlackSettings settings, ConversationService conversations, FeedbackStore feedback,
                       EventKeys keys) {
        this(settings, conversations, feedback, keys, Clock.systemUTC(), RetryPolicy.DEFAULT);
    }

    SlackRoutes(SlackSettings settings, ConversationService conversations, FeedbackStore feedback, EventKeys keys,
                Clock clock, RetryPolicy retry) {
        this.settings = settings;
        this.feedback = feedback;
        this.conversations = conversations;
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
        this.recent = keys;
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
                if (handleEvent(root, ctx.header(RETRY_HEADER))) {
                    ctx.status(200);
                } else {
                    // Not taken on: a non-2xx makes Slack send the event again (up to three retries).
                    error(ctx, 503, "busy", "Too many questions at once; send the event again");
                }
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

    /** @return false when the event was addressed to the bot but could not be queued: its keys are released */
    private boolean handleEvent(JsonNode root, String retryNum) {
        JsonNode event = root.path("event");
        if (!event.isObject()) {
            return true;
        }
        identity.learn(root.path("authorizations").path(0).path("user_id").asText(null));
        MessageEvent message = MessageEvent.from(event);
        if (!message.addressedToBot() || message.fromBotOrSystem() || !message.complete()) {
            return true;
        }
        String known = identity.known();
        if (known != null && known.equals(message.user())) {
            return true;
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
            return true;
        }
        String thread = message.channel() + ":" + message.threadRoot();
        boolean queued = workers.submit(thread, "answer " + message.channel() + " " + message.ts(), () -> {
            String bot = identity.resolve();
            if (bot != null && bot.equals(message.user())) {
                return;
            }
            answerer.answerInThread(message.channel(), message.ts(), message.threadRoot(),
                    SlackText.question(message.text(), bot));
        });
        if (queued) {
            return true;
        }
        recent.release(keys);
        if (retryNum != null && retryNumber(retryNum) >= LAST_SLACK_RETRY) {
            // Slack will not send it again: say so in the thread rather than stay silent.
            LOG.warn("Still busy at Slack's last retry of {} in {}: told the user to ask again", message.ts(),
                    message.channel());
            answerer.busy(message.channel(), message.threadRoot());
            return true;
        }
        return false;
    }

    private static int retryNumber(String header) {
        try {
            return Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
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
        // Slack sends a command again when the first reply was slow; its trigger_id is the same each time.
        String trigger = form.get("trigger_id");
        List<String> keys = trigger == null || trigger.isBlank() ? List.of() : List.of("command:" + trigger);
        if (!keys.isEmpty() && !recent.claim(keys)) {
            LOG.info("Already handled this {} command in {}", command, form.get("channel_id"));
            ctx.status(200);
            return;
        }
        boolean queued = workers.submit("slash command in " + form.get("channel_id"),
                () -> answerer.answerSlashCommand(question, responseUrl));
        if (!queued && !keys.isEmpty()) {
            recent.release(keys); // the user may send it again
        }
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
                            if (!conversations.hasTurn(button.conversationId(), ConversationIds.OWNER, button.turn())) {
                                LOG.warn("Ignored Slack feedback on {} turn {}: no such answer",
                                        button.conversationId(), button.turn());
                                return;
                            }
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
