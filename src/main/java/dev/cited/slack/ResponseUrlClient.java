package dev.cited.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts a JSON message to a slash command's or an action's {@code response_url}, with bounded retries. */
public final class ResponseUrlClient {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrlClient.class);

    private final HttpClient http;
    private final RetryPolicy retry;
    private final Duration timeout;

    public ResponseUrlClient(RetryPolicy retry, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.retry = retry;
        this.timeout = timeout;
    }

    /** True when the URL is one we may post to (absolute http or https). */
    public static boolean acceptable(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean post(String url, String json) {
        if (!acceptable(url)) {
            LOG.warn("Not posting to response_url: not an http(s) URL");
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.trim()))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return true;
                }
                if (status == 429) {
                    wait = retry.retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                    if (wait == null) {
                        LOG.warn("response_url rate limited with a long Retry-After; giving up");
                        return false;
                    }
                } else if (status >= 500) {
                    wait = retry.backoffAfter(attempt);
                } else {
                    LOG.warn("response_url answered HTTP {} (not retried): {}", status,
                            SlackText.truncate(response.body(), 200));
                    return false;
                }
                LOG.warn("response_url answered HTTP {} (attempt {} of {})", status, attempt, retry.maxAttempts());
            } catch (IOException e) {
                LOG.warn("response_url I/O failure: {} (attempt {} of {})", e.toString(), attempt,
                        retry.maxAttempts());
                wait = retry.backoffAfter(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (attempt < retry.maxAttempts() && !RetryPolicy.sleep(wait)) {
                return false;
            }
        }
        LOG.error("response_url post gave up after {} attempts", retry.maxAttempts());
        return false;
    }
}
