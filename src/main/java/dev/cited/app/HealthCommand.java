package dev.cited.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code cited health}: asks a running server's {@code /health}; exit 0 when it answers 200. The container's
 * health check ({@code docker run --health-cmd}), which then needs nothing but the JVM already in the image.
 */
@Command(name = "health", sortOptions = false,
        description = {"Checks a running server: exit 0 when its /health answers 200, 1 otherwise.",
                "For a container's health check: docker run --health-cmd 'cited health' (see README)."})
final class HealthCommand implements Callable<Integer> {
    @ParentCommand
    CitedCommand cited;

    @Option(names = "--port", paramLabel = "N", converter = ConfigFlags.Port.class,
            description = "the server's port on this machine  [CITED_PORT, default 7070]")
    Integer port;

    @Option(names = "--timeout", paramLabel = "S", converter = ConfigFlags.PositiveWhole.class,
            description = "seconds to wait for the answer  [default 5]")
    long timeout = 5;

    @Override
    public Integer call() throws InterruptedException {
        int target = port != null ? port : CitedConfig.fromEnvironment(cited.env).port();
        URI health = URI.create("http://127.0.0.1:" + target + "/health");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeout)).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                    .timeout(Duration.ofSeconds(timeout)).build(), HttpResponse.BodyHandlers.ofString());
            cited.out.println(response.statusCode() + " " + response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            cited.err.println("cited: no answer from " + health + ": " + (e.getMessage() == null ? e : e.getMessage()));
            return 1;
        }
    }
}
