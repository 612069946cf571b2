package dev.cited.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.feedback.FeedbackStore;
import dev.cited.http.HttpApi;
import dev.cited.http.HttpLimits;
import dev.cited.http.McpRoutes;
import dev.cited.http.RateLimits;
import dev.cited.mcp.CitedMcp;
import dev.cited.openai.OpenAiRoutes;
import dev.cited.slack.SlackRoutes;
import dev.cited.slack.SlackSettings;
import io.javalin.Javalin;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Builds and runs the web server: the HTTP API, the web UI and the Slack webhook over one engine. */
public final class CitedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CitedServer.class);
    /** What Slack work still queued gets at least, however long the HTTP requests took to finish. */
    private static final Duration MIN_SLACK_DRAIN = Duration.ofSeconds(1);
    /** How long before the grace runs out the streams still open are told the answer will not come. */
    private static final Duration STREAM_NOTICE = Duration.ofSeconds(1);

    private final CitedEngine engine;
    private final HttpApi api;
    private final SlackRoutes slack;
    private final CitedMcp mcp;
    private final OpenAiRoutes openAi;
    private final ServerMetrics metrics;
    private final Javalin app;
    private final Duration grace;
    private boolean closed;

    private CitedServer(CitedEngine engine, HttpApi api, SlackRoutes slack, CitedMcp mcp, OpenAiRoutes openAi,
                        ServerMetrics metrics, Javalin app, Duration grace) {
        this.engine = engine;
        this.api = api;
        this.slack = slack;
        this.mcp = mcp;
        this.openAi = openAi;
        this.metrics = metrics;
        this.app = app;
        this.grace = grace;
    }

    /** Starts on {@code config.port()} (0 picks a free port), reading model keys from the process environment. */
    public static CitedServer start(CitedConfig config) {
        return start(config, System.getenv());
    }

    public static CitedServer start(CitedConfig config, Map<String, String> env) {
        return start(config, CitedEngine.create(config, env));
    }

    /** Serves an engine already built (the caller held the port meanwhile); the server closes it. */
    public static CitedServer start(CitedConfig config, CitedEngine engine) {
        ServerMetrics metrics = new ServerMetrics(engine);
        HttpApi api = new HttpApi(engine.conversations(), engine.collection(), engine.uploads(), engine.retriever(),
                engine.feedback(), engine.conversationStore(), engine.authentication(), new ObjectMapper(), config.webDir(),
                metrics.registry());
        SlackRoutes slack = new SlackRoutes(new SlackSettings(config.slackSigningSecret(), config.slackBotToken(),
                config.slackApiUrl(), config.publicUrl()), engine.conversations(), engine.feedback(), engine.slackKeys());
        // MCP over Streamable HTTP at /mcp, behind the same sign-in and limits as the API
        CitedMcp mcp = CitedMcp.http(engine.mcpSources(), McpRoutes.PATH, McpRoutes::owner);
        OpenAiRoutes openAi = new OpenAiRoutes(engine.pipeline(), new ObjectMapper());
        Duration grace = config.shutdownGrace();
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            limits(config).configure(javalin); // before the API's own before-handlers
            api.configure(javalin);
            if (config.authRequired()) { // and each user, from whatever addresses: after the authenticator knows them
                javalin.routes.before(new RateLimits(config.rateAskPerMinute(), config.rateOtherPerMinute(),
                        RateLimits.BY_USER));
            }
            // Stopping waits up to the grace period for requests in flight (answers, streams) to finish; the
            // connector stops accepting at once, and a request arriving meanwhile on an open connection gets a 503.
            javalin.jetty.modifyServer(server -> {
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(grace.toMillis());
            });
            slack.register(javalin.routes);
            new McpRoutes(mcp.servlet()).register(javalin.routes);
            openAi.register(javalin.routes);
        });
        app.start(config.listenHost(), config.port());
        return new CitedServer(engine, api, slack, mcp, openAi, metrics, app, grace);
    }

    private static HttpLimits limits(CitedConfig config) {
        return HttpLimits.of(config.rateAskPerMinute(), config.rateOtherPerMinute(), config.maxConnectionsPerAddress(),
                config.minRequestBytesPerSecond(), config.idleTimeout());
    }

    public int port() {
        return app.port();
    }

    public CitedEngine engine() {
        return engine;
    }

    public FeedbackStore feedbackStore() {
        return engine.feedback();
    }

    /**
     * Stops gracefully (what SIGTERM runs): no new connections, answers and streams in flight finish within the
     * grace period (a stream still open a second before it ends gets an {@code error} event, {@code stopping},
     * rather than being cut without a word), then the Slack work queued is drained in what is left of it (at
     * least a second), then the engine closes. What is still running after that is cut, and logged.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + grace.toNanos();
        LOG.info("Stopping: finishing the requests in flight (up to {} s)", grace.toSeconds());
        api.stopping();
        ScheduledExecutorService notice = noticeToOpenStreams();
        try {
            app.stop();
        } catch (RuntimeException e) {
            // Jetty stops all the same; it reports the requests it had to cut as a timeout
            LOG.warn("Requests still running when the {} s grace period ended were cut ({})", grace.toSeconds(),
                    e.getMessage());
        } finally {
            notice.shutdownNow();
        }
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), MIN_SLACK_DRAIN.toNanos()));
        slack.close(left);
        openAi.close();
        mcp.close();
        engine.close();
        metrics.close();
        LOG.info("Stopped");
    }

    /** A second before the grace runs out, ends the answer streams still open with a 'stopping' error. */
    private ScheduledExecutorService noticeToOpenStreams() {
        ScheduledExecutorService notice = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cited-stream-notice");
            t.setDaemon(true);
            return t;
        });
        Duration after = grace.compareTo(STREAM_NOTICE) > 0 ? grace.minus(STREAM_NOTICE) : Duration.ZERO;
        notice.schedule(() -> {
            int ended = api.endOpenStreams();
            if (ended > 0) {
                LOG.warn("{} answer streams still open as the grace period ends: ended with a 'stopping' error", ended);
            }
        }, after.toMillis(), TimeUnit.MILLISECONDS);
        return notice;
    }
}
