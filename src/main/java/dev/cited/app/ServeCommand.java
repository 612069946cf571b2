package dev.cited.app;

import dev.cited.collection.LiveCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** {@code cited serve}: the web UI, the HTTP API and the Slack webhook, until stopped. */
@Command(name = "serve", sortOptions = false,
        description = {"Runs the web UI, HTTP API and Slack webhook.", "Answers start with BM25 as soon as the"
                + " text is indexed; vectors join as they are built."},
        footer = {"%nConversations, feedback and keys are kept in data/cited.db (SQLite; in --data when given), or in",
                "PostgreSQL: CITED_DATABASE_URL=jdbc:postgresql://HOST/DB?user=U&password=P",
                "Sign-in: CITED_AUTH=keys asks every API request, and the web UI, for a key (cited keys create).",
                "Slack: SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL, CITED_PUBLIC_URL (see README)."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    CitedCommand cited;

    @Option(names = "--port", paramLabel = "N", order = 0, converter = ConfigFlags.Port.class,
            description = "port to listen on (0 = any free port)  [CITED_PORT, default 7070]")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDR", order = 0,
            description = "address to listen on  [CITED_HOST, default 127.0.0.1; 0.0.0.0 with CITED_AUTH=keys]")
    String host;

    @Option(names = "--web", paramLabel = "DIR", order = 0, description = "web UI folder  [CITED_WEB, default web]")
    Path web;

    @Option(names = "--rescan", paramLabel = "S", order = 0, converter = ConfigFlags.PositiveWhole.class,
            description = "rescan the documents folder every S seconds, besides watching it"
                    + "  [CITED_RESCAN, default 30]")
    Long rescan;

    @Option(names = "--no-watch", order = 0, description = "serve the folder as it is at start: no watching, no rescans")
    boolean noWatch;

    @Mixin
    SeedsFlag seeds;

    @Mixin
    ConfigFlags flags;

    /** The configuration this command serves: environment, then flags. */
    CitedConfig config() {
        CitedConfig.Builder b = seeds.over(cited.config(flags));
        if (port != null) b.port(port);
        if (host != null) b.host(host);
        if (web != null) b.webDir(web);
        if (rescan != null) b.rescanEvery(Duration.ofSeconds(rescan));
        return b.watch(!noWatch).vectorsInBackground(true).build().withDurableState();
    }

    @Override
    public Integer call() {
        PrintStream out = cited.out;
        long started = System.nanoTime();
        CitedConfig config = config();
        AtomicReference<ProgressDisplay> display = new AtomicReference<>();
        CitedServer server = startHoldingThePort(config, out, collection -> {
            if (ProgressDisplay.onTerminal()) { // a log has the indexing lines; a terminal gets a bar
                display.set(ProgressDisplay.start(collection::progress, System.err, true, true));
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cited-shutdown"));
        String ready = String.format("Cited is ready on http://localhost:%d (%d documents, model %s, started in %d ms)",
                server.port(), server.engine().index().documents().size(),
                server.engine().conversations().modelName(), (System.nanoTime() - started) / 1_000_000);
        if (display.get() != null) {
            display.get().println(ready);
        } else {
            out.println(ready);
        }
        return Main.untilStopped();
    }

    /**
     * Builds the engine behind a "starting" page on the port, then hands the port to the real server. With
     * port 0 there is nothing to hold: the real port is only known once the server starts.
     */
    private CitedServer startHoldingThePort(CitedConfig config, PrintStream out, Consumer<LiveCollection> opened) {
        if (config.port() == 0) {
            return CitedServer.start(config, cited.env);
        }
        CitedEngine engine;
        try (StartingServer starting = StartingServer.open(config.listenHost(), config.port())) {
            out.printf("Cited is starting on http://localhost:%d: reading and indexing %s%n", starting.port(),
                    config.seeds());
            engine = CitedEngine.create(config, cited.env, UnaryOperator.identity(), opened);
        }
        try {
            return CitedServer.start(config, engine);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }
}
