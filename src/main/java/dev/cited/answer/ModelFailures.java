package dev.cited.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Translates whatever a model client throws into a {@link ModelException}, telling timeouts apart. Messages
 * are short and meant for API clients: the model server's status and its own error message, never a stack
 * trace or a whole response body.
 */
public final class ModelFailures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 200;
    private static final java.util.regex.Pattern CLASS_NAME =
            java.util.regex.Pattern.compile("`?\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?:<[^>]*>)?`?:?");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelFailures.class);

    private ModelFailures() {
    }

    public static ModelException translate(Throwable error) {
        if (error instanceof ModelException m) {
            return m;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ModelException m) {
                return m;
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t.getClass().getSimpleName().equals("TimeoutException")) {
                return new ModelException("The model did not answer in time", true, error);
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                LOG.warn("The model's reply could not be read", error);
                return new ModelException("The model server sent a reply Cited could not read (not in the format"
                        + " of the API it was configured as)", false, error);
            }
            if (t instanceof dev.langchain4j.exception.ContentFilteredException) {
                return new ModelException("The model refused to answer: " + detail(t.getMessage()), false, error);
            }
            if (t instanceof dev.langchain4j.exception.HttpException http) {
                return new ModelException("The model server answered HTTP " + http.statusCode() + ": "
                        + detail(http.getMessage()), false, error);
            }
        }
        LOG.warn("The model failed", error);
        return new ModelException("The model failed: " + detail(error == null ? null : error.getMessage()), false, error);
    }

    /** The error message of an OpenAI-style JSON error body ({"error": {"message": ...}}), else the text, shortened. */
    static String detail(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        String text = message.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode body = JSON.readTree(text);
                JsonNode error = body.path("error");
                JsonNode inner = error.isObject() ? error.path("message") : error;
                if (inner.isTextual() && !inner.asText().isBlank()) {
                    text = inner.asText().strip();
                } else if (body.path("message").isTextual()) {
                    text = body.path("message").asText().strip();
                }
            } catch (Exception ignored) {
                // not JSON after all: keep the text
            }
        }
        // Plain words only: a Java class name ("com.example.FooException: …") means nothing to the person asking.
        text = CLASS_NAME.matcher(text).replaceAll("").replaceAll("^[:\\s]+", "");
        if (text.isBlank()) {
            return "no detail";
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }
}
