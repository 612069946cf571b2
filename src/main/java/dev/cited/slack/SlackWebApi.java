package dev.cited.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.auth.AuthTestResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The few Web API methods the bot uses, through the Slack SDK's {@link MethodsClient}, with bounded retries:
 * HTTP 429 waits for Retry-After, timeouts/5xx and transient {@code ok:false} errors back off exponentially,
 * permanent errors are logged and given up at once. Nothing here throws.
 */
public final class SlackWebApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackWebApi.class);

    /** {@code ok:false} errors that another attempt cannot fix. */
    private static final Set<String> PERMANENT_ERRORS = Set.of(
            "not_authed", "invalid_auth", "account_inactive", "token_revoked", "token_expired", "no_permission",
            "missing_scope", "not_allowed_token_type", "channel_not_found", "not_in_channel", "is_archived",
            "msg_too_long", "no_text", "invalid_blocks", "invalid_blocks_format", "too_many_attachments",
            "message_not_found", "bad_timestamp", "invalid_name", "already_reacted", "no_reaction",
            "too_many_reactions", "invalid_arguments", "invalid_arg_name", "restricted_action", "ekm_access_denied",
            "team_access_not_granted", "org_login_required", "invalid_array_arg", "invalid_charset");

    private final Slack slack;
    private final MethodsClient methods;
    private final RetryPolicy retry;
    /** Reactions only decorate the question: fewer, shorter retries so they never hold up the answer for long. */
    private final RetryPolicy reactionRetry;

    public SlackWebApi(String apiUrl, String botToken, RetryPolicy retry, Duration timeout) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api/"
                : (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/"));
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        config.setHttpClientReadTimeoutMillis((int) timeout.toMillis());
        config.setHttpClientWriteTimeoutMillis((int) timeout.toMillis());
        config.setHttpClientCallTimeoutMillis((int) timeout.toMillis() * 2);
        this.slack = Slack.getInstance(config);
        this.methods = slack.methods(botToken);
        this.retry = retry;
        this.reactionRetry = new RetryPolicy(Math.min(2, retry.maxAttempts()), retry.backoff(),
                Duration.ofSeconds(Math.min(2, retry.maxRetryAfter().toSeconds())));
    }

    public boolean postMessage(String channel, String threadTs, SlackReply reply) {
        ChatPostMessageRequest request = ChatPostMessageRequest.builder()
                .channel(channel)
                .threadTs(threadTs)
                .text(reply.text())
                .blocksAsString(reply.blocksJson())
                .unfurlLinks(false)
                .unfurlMedia(false)
                .build();
        return call("chat.postMessage", retry, () -> methods.chatPostMessage(request)).isPresent();
    }

    public boolean addReaction(String channel, String ts, String name) {
        return call("reactions.add", reactionRetry,
                () -> methods.reactionsAdd(r -> r.channel(channel).timestamp(ts).name(name))).isPresent();
    }

    public boolean removeReaction(String channel, String ts, String name) {
        return call("reactions.remove", reactionRetry,
                () -> methods.reactionsRemove(r -> r.channel(channel).timestamp(ts).name(name))).isPresent();
    }

    /** The bot's own user id, from auth.test. */
    public Optional<String> botUserId() {
        return call("auth.test", retry, () -> methods.authTest(r -> r)).map(AuthTestResponse::getUserId)
                .filter(id -> !id.isBlank());
    }

    interface ApiCall<T> {
        T run() throws IOException, SlackApiException;
    }

    /** Runs the call with retries; the response when Slack said ok, else empty (the failure is logged). */
    <T extends SlackApiTextResponse> Optional<T> call(String method, RetryPolicy retry, ApiCall<T> call) {
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Duration wait;
            try {
                T response = call.run();
                if (response.isOk()) {
                    if (attempt > 1) {
                        LOG.info("Slack {} succeeded on attempt {}", method, attempt);
                    }
                    return Optional.of(response);
                }
                String error = response.getError();
                if (error != null && PERMANENT_ERRORS.contains(error)) {
                    LOG.warn("Slack {} failed: {} (not retried)", method, error);
                    return Optional.empty();
                }
                LOG.warn("Slack {} failed: {} (attempt {} of {})", method, error, attempt, retry.maxAttempts());
                wait = retry.backoffAfter(attempt);
            } catch (SlackApiException e) {
                int status = e.getResponse() == null ? 0 : e.getResponse().code();
                if (status == 429) {
                    wait = retry.retryAfter(e.getResponse().header("Retry-After"));
                    LOG.warn("Slack {} rate limited, Retry-After {} (attempt {} of {})", method,
                            e.getResponse().header("Retry-After"), attempt, retry.maxAttempts());
                    if (wait == null) {
                        LOG.warn("Slack {}: Retry-After too long, giving up", method);
                        return Optional.empty();
                    }
                } else if (status >= 500 || status == 408) {
                    LOG.warn("Slack {} answered HTTP {} (attempt {} of {})", method, status, attempt,
                            retry.maxAttempts());
                    wait = retry.backoffAfter(attempt);
                } else {
                    LOG.warn("Slack {} answered HTTP {} (not retried): {}", method, status,
                            SlackText.truncate(String.valueOf(e.getResponseBody()), 200));
                    return Optional.empty();
                }
            } catch (IOException e) {
                LOG.warn("Slack {} I/O failure: {} (attempt {} of {})", method, e.toString(), attempt,
                        retry.maxAttempts());
                wait = retry.backoffAfter(attempt);
            } catch (RuntimeException e) {
                LOG.warn("Slack {} failed unexpectedly (not retried)", method, e);
                return Optional.empty();
            }
            if (attempt < retry.maxAttempts() && !RetryPolicy.sleep(wait)) {
                return Optional.empty();
            }
        }
        LOG.error("Slack {} gave up after {} attempts", method, retry.maxAttempts());
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception e) {
            LOG.debug("closing the Slack client", e);
        }
    }
}
