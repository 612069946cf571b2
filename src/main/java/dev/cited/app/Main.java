package dev.cited.app;

import dev.cited.citation.Citation;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.ConversationService;
import dev.cited.eval.EvalCommand;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The command line: serve (default), ask, eval. */
public final class Main {
    private static final String USAGE = """
            Cited: answers about your documents, every claim cited to an exact quote.

            Usage:
              java -jar target/cited.jar [serve] [flags]     run the web UI, HTTP API and Slack webhook
              java -jar target/cited.jar ask "question"      answer one question and print its sources
              java -jar target/cited.jar index DIR --data DATA  build a folder's index ahead of serving it
              java -jar target/cited.jar eval FILE.jsonl     score retrieval and answers on a question set
              java -jar target/cited.jar bench               measure start-up, latency, heap, retrievers, grounding
              java -jar target/cited.jar bench-ingest DIR    measure how fast a folder becomes answerable and ready
              java -jar target/cited.jar stand-in CLAIMS.jsonl  a stand-in model that writes a claim set's answers
              java -jar target/cited.jar COMMAND --help      flags of one command
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String command = args.isEmpty() || args.get(0).startsWith("-") ? "serve" : args.get(0);
        List<String> rest = args.isEmpty() || args.get(0).startsWith("-") ? args : args.subList(1, args.size());
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.print(USAGE);
            return 0;
        }
        try {
            CommandLine line = CommandLine.parse(rest, CitedConfig.fromEnvironment(System.getenv()));
            return switch (command) {
                case "serve" -> serve(line, out);
                case "ask" -> ask(line, out, err);
                case "eval" -> EvalCommand.run(line.arguments, (model, env) -> CitedEngine.create(
                        model == null ? line.config : line.config.toBuilder().model(model).build(), env),
                        System.getenv(), line.help, out, err);
                case "index" -> IndexCommand.run(line, out, err);
                case "bench" -> Benchmark.run(line, out);
                case "bench-ingest" -> IngestBenchmark.run(line, out);
                case "stand-in" -> standIn(line, out, err);
                case "keys" -> keys(line, out);
                case "help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("Unknown command '" + command + "'.\n");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("cited: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("cited: " + e);
            return 1;
        }
    }

    private static int serve(CommandLine line, PrintStream out) {
        if (line.help) {
            out.print("""
                    Usage: java -jar target/cited.jar serve [flags]
                      --port N           port to listen on (0 = any free port)  [CITED_PORT, default 7070]
                      --host ADDR        address to listen on    [CITED_HOST, default 127.0.0.1; 0.0.0.0 with CITED_AUTH=keys]
                      --web DIR          web UI folder                           [CITED_WEB, default web]
                      --rescan S         rescan the documents folder every S seconds, besides watching it
                                                                                [CITED_RESCAN, default 30]
                      --no-watch         serve the folder as it is at start: no watching, no rescans
                    Answers start with BM25 as soon as the text is indexed; vectors join as they are built.
                    """ + CommandLine.COMMON_FLAGS + """
                    Conversations and feedback are kept in data/cited.db (SQLite; in the --data folder when given),
                    or in PostgreSQL: CITED_DATABASE_URL=jdbc:postgresql://HOST/DB?user=U&password=P
                    Sign-in: CITED_AUTH=keys asks every API request for a key (cited keys create), the web UI too.
                    Slack: SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL, CITED_PUBLIC_URL (see README).
                    """);
            return 0;
        }
        long started = System.nanoTime();
        CitedConfig config = line.config.toBuilder().watch(!line.noWatch).vectorsInBackground(true).build()
                .withDurableState();
        java.util.concurrent.atomic.AtomicReference<ProgressDisplay> display = new java.util.concurrent.atomic.AtomicReference<>();
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
        return waitForever();
    }

    /**
     * Builds the engine behind a "starting" page on the port, then hands the port to the real server. With
     * port 0 there is nothing to hold: the real port is only known once the server starts.
     */
    /** {@code keys create --name N --role user|admin}, {@code keys list}, {@code keys revoke ID}. */
    private static int keys(CommandLine line, PrintStream out) {
        List<String> a = line.arguments;
        KeysCommand keys = new KeysCommand(line.config, out);
        if (line.help || a.isEmpty()) {
            out.print("""
                    Usage: java -jar target/cited.jar keys create --name NAME [--role user|admin]
                           java -jar target/cited.jar keys list
                           java -jar target/cited.jar keys revoke KEY_ID
                    Keys are kept (hashed) in the server's database: data/cited.db, or CITED_DATABASE_URL.
                    """);
            return line.help ? 0 : 2;
        }
        return switch (a.get(0)) {
            case "create" -> {
                int name = a.indexOf("--name");
                int role = a.indexOf("--role");
                if (name < 0 || name + 1 >= a.size()) {
                    throw new IllegalArgumentException("keys create needs --name NAME");
                }
                yield keys.create(a.get(name + 1),
                        role < 0 || role + 1 >= a.size() ? dev.cited.access.Role.USER : dev.cited.access.Role.parse(a.get(role + 1)));
            }
            case "list" -> keys.list();
            case "revoke" -> {
                if (a.size() != 2) {
                    throw new IllegalArgumentException("keys revoke needs the key's id (cited keys list)");
                }
                yield keys.revoke(a.get(1));
            }
            default -> throw new IllegalArgumentException("Unknown keys command '" + a.get(0) + "': create, list or revoke");
        };
    }

    private static CitedServer startHoldingThePort(CitedConfig config, PrintStream out,
                                                   java.util.function.Consumer<dev.cited.collection.LiveCollection> opened) {
        if (config.port() == 0) {
            return CitedServer.start(config);
        }
        CitedEngine engine;
        try (StartingServer starting = StartingServer.open(config.listenHost(), config.port())) {
            out.printf("Cited is starting on http://localhost:%d: reading and indexing %s%n", starting.port(),
                    config.seeds());
            engine = CitedEngine.create(config, System.getenv(), java.util.function.UnaryOperator.identity(), opened);
        }
        try {
            return CitedServer.start(config, engine);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * {@code cited stand-in [--port N] CLAIMS.jsonl}: an OpenAI-compatible server that writes the answers of a
     * claim set, true claims and planted errors, so anyone can watch grounding in the web UI, the API or Slack.
     */
    private static int standIn(CommandLine line, PrintStream out, PrintStream err) {
        if (line.help || line.arguments.size() != 1) {
            (line.help ? out : err).print("""
                    Usage: java -jar target/cited.jar stand-in [--port N] CLAIMS.jsonl
                    Serves an OpenAI-compatible Chat Completions endpoint (default port 9999) whose answers are the
                    claim set's sentences, with markers as a model would write them. Then, in another terminal:
                      OPENAI_BASE_URL=http://127.0.0.1:9999/v1 OPENAI_API_KEY=x java -jar target/cited.jar --model openai:stand-in
                    and ask one of the set's questions.
                    """);
            return line.help ? 0 : 2;
        }
        java.nio.file.Path file = java.nio.file.Path.of(line.arguments.get(0));
        if (!java.nio.file.Files.isRegularFile(file)) {
            err.println("cited: no such claim set: " + file);
            return 2;
        }
        int port = line.config.port() == CitedConfig.DEFAULT_PORT ? 9999 : line.config.port();
        dev.cited.eval.ScriptedModelServer server = dev.cited.eval.ScriptedModelServer.start(
                dev.cited.eval.ClaimCase.read(file), port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cited-stand-in-shutdown"));
        out.println("Stand-in model on " + server.baseUrl() + " answering the " + file + " questions");
        return waitForever();
    }

    private static int waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int ask(CommandLine line, PrintStream out, PrintStream err) {
        if (line.help || line.arguments.isEmpty()) {
            (line.help ? out : err).print("""
                    Usage: java -jar target/cited.jar ask [flags] "question"
                    """ + CommandLine.COMMON_FLAGS);
            return line.help ? 0 : 2;
        }
        String question = String.join(" ", line.arguments);
        if (question.isBlank() || question.length() > ConversationService.MAX_QUESTION_LENGTH) {
            err.println("cited: the question must be 1 to " + ConversationService.MAX_QUESTION_LENGTH + " characters");
            return 2;
        }
        try (CitedEngine engine = CitedEngine.create(line.config, System.getenv())) {
            AskResult result = engine.conversations().ask(AskRequest.of(question));
            out.println(result.answer());
            if (!result.unsupported().isEmpty()) {
                out.println();
                out.println("Not shown, not supported by the sources:");
                result.unsupported().forEach(u -> out.printf("- %s (%s)%n", u.text(), u.reason()));
            }
            if (!result.citations().isEmpty()) {
                out.println();
                out.println("Sources:");
                for (Citation c : result.citations()) {
                    out.printf("[%d] %s (%s, characters %d-%d)%n    \"%s\"%n", c.marker(), c.title(), c.documentId(),
                            c.start(), c.end(), c.quote());
                }
            }
            return 0;
        } catch (dev.cited.answer.ModelException e) {
            err.println("cited: " + e.getMessage());
            return 1;
        }
    }
}
