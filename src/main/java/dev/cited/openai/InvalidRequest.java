package dev.cited.openai;

import io.javalin.http.HttpResponseException;

import java.util.HashMap;
import java.util.Map;

/**
 * The errors this endpoint throws, as Javalin exceptions whose details http.ApiErrors renders in OpenAI's shape
 * ({@code {"error": {"message", "type", "param", "code"}}}): {@code param} names the request field at fault.
 */
final class InvalidRequest {
    private InvalidRequest() {
    }

    /** A 400 {@code invalid_request_error}. */
    static HttpResponseException of(String param, String code, String message) {
        return error(400, param, code, message);
    }

    static HttpResponseException error(int status, String param, String code, String message) {
        Map<String, String> details = new HashMap<>();
        details.put("code", code);
        if (param != null) {
            details.put("param", param);
        }
        return new HttpResponseException(status, message, details);
    }
}
