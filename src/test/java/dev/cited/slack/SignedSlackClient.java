package dev.cited.slack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Sends requests to /slack/events signed as Slack signs them (or deliberately not). */
final class SignedSlackClient {
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String secret;

    SignedSlackClient(int port, String secret) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.secret = secret;
    }

    HttpResponse<String> signed(String body, String contentType) {
        return signed(body, contentType, Map.of());
    }

    HttpResponse<String> signed(String body, String contentType, Map<String, String> extraHeaders) {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        return send(body, contentType, ts, SignatureVerifier.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8)),
                extraHeaders);
    }

    /** Sends with the given timestamp and signature headers; a null leaves that header out. */
    HttpResponse<String> send(String body, String contentType, String timestamp, String signature,
                              Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header(SignatureVerifier.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(SignatureVerifier.SIGNATURE_HEADER, signature);
        }
        extraHeaders.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
