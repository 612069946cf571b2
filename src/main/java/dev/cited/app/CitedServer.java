package dev.cited.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.feedback.FeedbackStore;
import dev.cited.http.HttpApi;
import dev.cited.http.HttpLimits;
import dev.cited.slack.SlackRoutes;
import dev.cited.slack.SlackSettings;
import io.javalin.Javalin;

import java.util.Map;

/** Builds and runs the web server: the HTTP API, the web UI and the Slack webhook over one engine. */
public final class CitedServer implements AutoCloseable {
    private final CitedEngine engine;
    private final SlackRoutes slack;
    private final Javalin app;

    private CitedServer(CitedEngine engine, SlackRoutes slack, Javalin app) {
        this.engine = engine;
        this.slack = slack;
        this.app = app;
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
        HttpApi api = new HttpApi(engine.conversations(), engine.collection(), engine.uploads(), engine.retriever(),
                engine.feedback(), new ObjectMapper(), config.webDir());
        SlackRoutes slack = new SlackRoutes(new SlackSettings(config.slackSigningSecret(), config.slackBotToken(),
                config.slackApiUrl(), config.publicUrl()), engine.conversations(), engine.feedback(), engine.slackKeys());
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            limits(config).configure(javalin); // before the API's own before-handlers
            api.configure(javalin);
            slack.register(javalin.routes);
        });
        app.start(config.port());
        return new CitedServer(engine, slack, app);
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

    @Override
    public void close() {
        app.stop();
        slack.close();
        engine.close();
    }
}
