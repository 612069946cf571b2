package dev.cited.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.eval.EvalQuestion;
import dev.cited.eval.EvalReport;
import dev.cited.eval.Evaluator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code cited bench}: the figures in docs/benchmarks.md, measured the way a user meets them — the real
 * server over loopback HTTP — plus what each retriever contributes on the question sets.
 */
@Command(name = "bench", sortOptions = false, description = {
        "Measures start-up, latency, heap, retrievers and grounding (docs/benchmarks.md).",
        "Starts the server on a free port and measures start-up, warm /api/ask latency (sequential and 16"
                + " concurrent clients), heap, and recall/MRR/latency of bm25, dense and hybrid retrieval."})
final class Benchmark implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    CitedCommand cited;

    @Parameters(paramLabel = "QUESTIONS.jsonl", arity = "0..*",
            description = "question sets (default: eval/questions.jsonl and ../shared/eval/questions.jsonl)")
    List<Path> sets = new ArrayList<>();

    @Mixin
    SeedsFlag seeds;

    @Mixin
    ConfigFlags flags;

    @Override
    public Integer call() throws Exception {
        return run(seeds.over(cited.config(flags)).build(), sets, cited.out);
    }

    static int run(CitedConfig config, List<Path> given, PrintStream out) throws Exception {
        List<Path> sets = new ArrayList<>(given);
        if (sets.isEmpty()) {
            for (String s : List.of("../shared/eval/questions.jsonl", "eval/questions.jsonl")) {
                if (Files.exists(Path.of(s))) sets.add(Path.of(s));
            }
        }
        List<String> questions = EvalQuestion.texts(sets);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("No questions to ask: pass a question set");
        }
        out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
        serverFigures(config.toBuilder().port(0).unlimited().build(), questions, out); // one client, 16 connections
        for (String mode : List.of("bm25", "dense", "hybrid")) {
            retrievalFigures(config.toBuilder().retrieval(mode).build(), sets, out);
        }
        groundingFigures(config.toBuilder().port(0).build(), questions, out);
        return 0;
    }

    /**
     * What verification costs per answer: the time spent in the claim verifier, measured inside the same
     * requests as their whole time, for the extractive answerer (questions checked against candidates) and
     * for a model's answers (every statement checked) written by the claim set's stand-in model.
     */
    private static void groundingFigures(CitedConfig config, List<String> questions, PrintStream out) throws Exception {
        TimedVerifier timed = new TimedVerifier();
        try (CitedEngine engine = CitedEngine.create(config, Map.of(), v -> timed.wrapping(v), collection -> { })) {
            measure("extractive", engine, questions, timed, out);
        }
        Path claims = Path.of("eval/claims.jsonl");
        if (!Files.exists(claims)) {
            return;
        }
        List<dev.cited.eval.ClaimCase> cases = dev.cited.eval.ClaimCase.read(claims);
        try (dev.cited.eval.ScriptedModelServer model = dev.cited.eval.ScriptedModelServer.start(cases, 0);
             CitedEngine engine = CitedEngine.create(config.toBuilder().model(dev.cited.eval.EvalCommand.STAND_IN_MODEL)
                     .build(), model.env(), v -> timed.wrapping(v), collection -> { })) {
            measure("stand-in model, " + cases.size() + " claim-set answers", engine,
                    cases.stream().map(dev.cited.eval.ClaimCase::question).toList(), timed, out);
        }
    }

    private static void measure(String what, CitedEngine engine, List<String> questions, TimedVerifier timed,
                                PrintStream out) {
        for (int i = 0; i < Math.min(50, questions.size()); i++) {
            engine.conversations().ask(dev.cited.conversation.AskRequest.of(questions.get(i % questions.size())));
        }
        List<Double> totals = new ArrayList<>();
        List<Double> verifying = new ArrayList<>();
        List<Double> checks = new ArrayList<>();
        int rounds = Math.max(questions.size(), 200);
        for (int i = 0; i < rounds; i++) {
            timed.reset();
            long t = System.nanoTime();
            engine.conversations().ask(dev.cited.conversation.AskRequest.of(questions.get(i % questions.size())));
            totals.add((System.nanoTime() - t) / 1e6);
            verifying.add(timed.nanos() / 1e6);
            checks.add((double) timed.calls());
        }
        out.printf(Locale.ROOT, "grounding, %s (%d answers): answer p50 %.1f ms, of which verification p50 %.2f ms "
                        + "(p95 %.2f ms, %.0f verdicts per answer at p50)%n", what, rounds,
                Evaluator.percentile(totals, 50), Evaluator.percentile(verifying, 50),
                Evaluator.percentile(verifying, 95), Evaluator.percentile(checks, 50));
    }

    /** Adds up the time spent in the verifier on this thread, per answer. */
    private static final class TimedVerifier {
        private long nanos;
        private int calls;

        dev.cited.grounding.ClaimVerifier wrapping(dev.cited.grounding.ClaimVerifier verifier) {
            return (claim, evidence) -> {
                long t = System.nanoTime();
                try {
                    return verifier.verify(claim, evidence);
                } finally {
                    nanos += System.nanoTime() - t;
                    calls++;
                }
            };
        }

        void reset() {
            nanos = 0;
            calls = 0;
        }

        long nanos() {
            return nanos;
        }

        int calls() {
            return calls;
        }
    }

    private static void serverFigures(CitedConfig config, List<String> questions, PrintStream out) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        try (CitedServer server = CitedServer.start(config)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            double startMs = (System.nanoTime() - start) / 1e6;
            out.printf(Locale.ROOT, "start to healthy: %.0f ms (%s)%n", startMs, health.body());
            for (int i = 0; i < 100; i++) {
                ask(http, base, questions.get(i % questions.size()));
            }
            List<Double> repeated = new ArrayList<>();
            List<Double> unseen = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String question = questions.get(i % questions.size());
                long t = System.nanoTime();
                ask(http, base, question);
                repeated.add((System.nanoTime() - t) / 1e6);
                // A question never asked before: its embedding is not cached.
                String fresh = question + " (" + i + ")";
                t = System.nanoTime();
                ask(http, base, fresh);
                unseen.add((System.nanoTime() - t) / 1e6);
            }
            out.printf(Locale.ROOT, "warm /api/ask, sequential, unseen questions (300): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                    Evaluator.percentile(unseen, 50), Evaluator.percentile(unseen, 95), Evaluator.percentile(unseen, 99));
            out.printf(Locale.ROOT, "warm /api/ask, sequential, repeated questions (300): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                    Evaluator.percentile(repeated, 50), Evaluator.percentile(repeated, 95), Evaluator.percentile(repeated, 99));
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<Double>> futures = new ArrayList<>();
                long t0 = System.nanoTime();
                for (int i = 0; i < 400; i++) {
                    String q = questions.get(i % questions.size()) + " [" + i + "]";
                    futures.add(clients.submit(() -> {
                        long t = System.nanoTime();
                        ask(http, base, q);
                        return (System.nanoTime() - t) / 1e6;
                    }));
                }
                List<Double> concurrent = new ArrayList<>();
                for (Future<Double> f : futures) {
                    concurrent.add(f.get());
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "warm /api/ask, 16 concurrent clients (400 requests, all 200): %.0f req/s, "
                        + "p50 %.1f ms, p95 %.1f ms%n", 400 / seconds, Evaluator.percentile(concurrent, 50), Evaluator.percentile(concurrent, 95));
            } finally {
                clients.shutdownNow();
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            out.printf(Locale.ROOT, "heap used after GC: %d MB (max %d MB); resident set: %s%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, residentSet());
        }
    }

    private static void ask(HttpClient http, String base, String question) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("question", question));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !answer.has("answer")) {
            throw new IllegalStateException("Request failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static void retrievalFigures(CitedConfig config, List<Path> sets, PrintStream out) throws IOException {
        try (CitedEngine engine = CitedEngine.create(config, Map.of())) {
            for (Path set : sets) {
                List<EvalQuestion> questions = EvalQuestion.read(set);
                List<Double> retrieval = new ArrayList<>();
                for (EvalQuestion q : questions) { // first sight of each query: nothing cached
                    long t = System.nanoTime();
                    engine.retriever().retrieve(q.isFollowUp() ? q.then() : q.question(), 5);
                    retrieval.add((System.nanoTime() - t) / 1e6);
                }
                EvalReport r = engine.evaluator(5).run(questions);
                out.printf(Locale.ROOT, "| %s | %s | %.1f%% | %.3f | %.1f%% | %.1f%% | %.1f%% | %.1f ms |%n",
                        engine.retriever().name(), set.getFileName().getParent() == null ? set : set,
                        r.recallAtK() * 100, r.mrr(), r.answerHitRate() * 100, r.abstentionAccuracy() * 100,
                        r.citationPrecision() * 100, Evaluator.percentile(retrieval, 50));
            }
        }
    }

    /** The process's resident set, as the kernel reports it. */
    static String residentSet() {
        return processStatus("VmRSS");
    }

    /** The largest resident set the process has had so far. */
    static String peakResidentSet() {
        return processStatus("VmHWM");
    }

    private static String processStatus(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field + ":"))
                    .map(l -> l.substring(field.length() + 1).trim()).findFirst().orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }
}
