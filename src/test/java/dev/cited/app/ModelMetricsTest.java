package dev.cited.app;

import dev.cited.eval.ClaimCase;
import dev.cited.eval.EvalCommand;
import dev.cited.eval.ScriptedModelServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a model: its call and the verification of its draft are timed apart, and its failures are counted. */
@Timeout(180)
class ModelMetricsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void givenAModelAnswerThenAFailingModel_whenScraped_thenModelAndVerificationAreTimedAndTheFailureCounted()
            throws Exception {
        List<ClaimCase> cases = ClaimCase.read(Path.of("eval/claims.jsonl"));
        ScriptedModelServer model = ScriptedModelServer.start(cases, 0);
        try (CitedServer server = CitedServer.start(CitedConfig.builder().port(0)
                .model(EvalCommand.STAND_IN_MODEL).build(), model.env())) {
            assertEquals(200, ask(server.port(), cases.get(0).question()).statusCode());
            String metrics = scrape(server.port());
            assertEquals(1.0, value(metrics, "cited_answer_stage_seconds_count\\{stage=\"model\"}"));
            assertEquals(1.0, value(metrics, "cited_answer_stage_seconds_count\\{stage=\"verification\"}"));
            assertEquals(1.0, value(metrics, "cited_answer_stage_seconds_count\\{stage=\"retrieval\"}"));
            assertEquals(0.0, value(metrics, "cited_model_failures_total\\{kind=\"error\"}"));

            model.close(); // the model goes away: the next answer fails
            HttpResponse<String> failed = ask(server.port(), cases.get(1).question());
            assertEquals(502, failed.statusCode(), failed.body());
            metrics = scrape(server.port());
            assertEquals(1.0, value(metrics, "cited_model_failures_total\\{kind=\"error\"}"));
            assertEquals(0.0, value(metrics, "cited_model_failures_total\\{kind=\"timeout\"}"));
            assertEquals(1.0, value(metrics, "http_server_requests_seconds_count\\{method=\"POST\",route=\"/api/ask\","
                    + "status=\"502\"}"));
        } finally {
            model.close();
        }
    }

    private static HttpResponse<String> ask(int port, String question) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + question.replace("\"", "\\\"") + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String scrape(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        assertTrue(m.find(), series + " not in /metrics");
        return Double.parseDouble(m.group(1));
    }
}
