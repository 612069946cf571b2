package dev.cited.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.eval.EvalQuestion;
import dev.cited.eval.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cited bench-openai}: what the OpenAI-compatible face adds to a question. One server; each question of the
 * sets is asked through {@code POST /api/ask}, {@code POST /v1/chat/completions} and the same streamed, one after
 * another, the order rotating from question to question so that no face always finds the caches warm; p50/p95/p99
 * of each and their ratios to /api/ask.
 */
@Command(name = "bench-openai", sortOptions = false, description = {
        "Measures POST /v1/chat/completions (plain and streamed) against POST /api/ask on one server, interleaved."})
final class OpenAiBenchmark implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FACES = List.of("/api/ask", "/v1/chat/completions", "/v1/chat/completions (stream)");

    @ParentCommand
    CitedCommand cited;

    @Option(names = "--requests", paramLabel = "N", description = "questions per face, after the warm-up  [default 600]")
    int requests = 600;

    @Option(names = "--warm-up", paramLabel = "N", description = "questions per face first, not counted  [default 100]")
    int warmUp = 100;

    @Mixin
    SeedsFlag seeds;

    @Mixin
    ConfigFlags flags;

    @Override
    public Integer call() throws Exception {
        CitedConfig config = seeds.over(cited.config(flags)).port(0).unlimited().build();
        List<String> questions = EvalQuestion.texts(Stream.of("eval/questions.jsonl", "eval/adversarial.jsonl")
                .map(Path::of).filter(java.nio.file.Files::exists).toList());
        List<List<Double>> latencies = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (CitedServer server = CitedServer.start(config)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + server.port();
            for (int i = 0; i < warmUp + requests; i++) {
                String question = questions.get(i % questions.size());
                for (int j = 0; j < FACES.size(); j++) {
                    int face = (i + j) % FACES.size(); // rotate who goes first
                    double ms = time(http, base, face, question);
                    if (i >= warmUp) {
                        latencies.get(face).add(ms);
                    }
                }
            }
        }
        print(cited.out, latencies, questions.size());
        return 0;
    }

    /** One question through one face, to the last byte of the answer; its latency in ms. */
    private static double time(HttpClient http, String base, int face, String question) throws Exception {
        String path = face == 0 ? "/api/ask" : "/v1/chat/completions";
        Object body = face == 0 ? Map.of("question", question)
                : Map.of("model", "cited", "stream", face == 2, "messages", List.of(Map.of("role", "user", "content", question)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - t) / 1e6;
        if (response.statusCode() != 200 || (face == 2 && !response.body().endsWith("data: [DONE]\n\n"))) {
            throw new IllegalStateException(FACES.get(face) + " answered " + response.statusCode() + ": " + response.body());
        }
        return ms;
    }

    private static void print(PrintStream out, List<List<Double>> latencies, int distinct) {
        out.printf(Locale.ROOT, "machine: %d cores, Java %s; %d questions per face (%d distinct), sequential, interleaved%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), latencies.get(0).size(),
                distinct);
        out.println("| Face | p50 | p95 | p99 | p50 vs /api/ask |");
        out.println("| --- | --- | --- | --- | --- |");
        double ask = Evaluator.percentile(latencies.get(0), 50);
        for (int face = 0; face < FACES.size(); face++) {
            List<Double> ms = latencies.get(face);
            out.printf(Locale.ROOT, "| `%s` | %.1f ms | %.1f ms | %.1f ms | %.2f× |%n", FACES.get(face),
                    Evaluator.percentile(ms, 50), Evaluator.percentile(ms, 95), Evaluator.percentile(ms, 99),
                    Evaluator.percentile(ms, 50) / ask);
        }
    }
}
