package dev.cited.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.eval.EvalQuestion;
import dev.cited.eval.Evaluator;
import dev.cited.storage.Database;
import dev.cited.storage.SqlStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code cited bench-team}: what running for a team costs a question. The same load (16 concurrent clients) on
 * the real server twice in one run, alternating: state in memory with nobody signing in, and state in SQLite
 * with every request signed with an API key; p50/p95/p99 of /api/ask for both and their ratio.
 */
@Command(name = "bench-team", sortOptions = false, description = {
        "Measures /api/ask at 16 concurrent clients with sign-in and the database on, against both off, in one run."})
final class TeamBenchmark implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 16;

    @ParentCommand
    CitedCommand cited;

    @Option(names = "--requests", paramLabel = "N", description = "requests per round and setting  [default 800]")
    int requests = 800;

    @Option(names = "--rounds", paramLabel = "N", description = "rounds, alternating the two settings  [default 3]")
    int rounds = 3;

    @Mixin
    SeedsFlag seeds;

    @Mixin
    ConfigFlags flags;

    @Override
    public Integer call() throws Exception {
        // One client asking thousands of questions: no rate limit or connection cap in either setting.
        CitedConfig base = seeds.over(cited.config(flags)).port(0).unlimited().build();
        List<String> questions = EvalQuestion.texts(List.of(Path.of("eval/questions.jsonl")));
        Path data = Files.createTempDirectory("cited-bench-team-");
        String url = Database.sqliteUrl(data);
        String key;
        try (SqlStores stores = Stores.sql(url, Clock.systemUTC())) {
            key = stores.apiKeys().create("bench", dev.cited.access.Role.USER).secret();
        }
        CitedConfig team = base.toBuilder().databaseUrl(url).auth("keys").host("127.0.0.1").build();
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        try (CitedServer plain = CitedServer.start(base); CitedServer signed = CitedServer.start(team)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            load(http, plain.port(), null, questions, 100); // warm-up: JIT, caches
            load(http, signed.port(), key, questions, 100);
            for (int round = 0; round < rounds; round++) {
                off.addAll(load(http, plain.port(), null, questions, requests));
                on.addAll(load(http, signed.port(), key, questions, requests));
            }
        }
        ResultTable.print(cited.out, off, on, requests * rounds);
        return 0;
    }

    /** {@code n} questions from 16 clients at once, each a new conversation; the latency of each in ms. */
    private static List<Double> load(HttpClient http, int port, String key, List<String> questions, int n)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Double>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String question = questions.get(i % questions.size());
                futures.add(clients.submit(() -> {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", question))));
                    if (key != null) {
                        request.header("Authorization", "Bearer " + key);
                    }
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("ask answered " + response.statusCode() + ": " + response.body());
                    }
                    return ms;
                }));
            }
            List<Double> latencies = new ArrayList<>();
            for (Future<Double> f : futures) {
                latencies.add(f.get());
            }
            return latencies;
        } finally {
            clients.shutdownNow();
        }
    }

    /** The two settings side by side, as a Markdown table for docs/benchmarks.md. */
    private static final class ResultTable {
        static void print(java.io.PrintStream out, List<Double> off, List<Double> on, int perSetting) {
            out.printf(Locale.ROOT, "machine: %d cores, Java %s; %d requests per setting, %d concurrent clients%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), perSetting, CLIENTS);
            out.println("| Setting | p50 | p95 | p99 |");
            out.println("| --- | --- | --- | --- |");
            row(out, "memory, no sign-in", off);
            row(out, "SQLite, API key on every request", on);
            out.printf(Locale.ROOT, "| ratio | %.2f× | %.2f× | %.2f× |%n",
                    Evaluator.percentile(on, 50) / Evaluator.percentile(off, 50),
                    Evaluator.percentile(on, 95) / Evaluator.percentile(off, 95),
                    Evaluator.percentile(on, 99) / Evaluator.percentile(off, 99));
        }

        private static void row(java.io.PrintStream out, String name, List<Double> ms) {
            out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |%n", name, Evaluator.percentile(ms, 50),
                    Evaluator.percentile(ms, 95), Evaluator.percentile(ms, 99));
        }
    }
}
