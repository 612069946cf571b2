package dev.cited.http;

import dev.cited.answer.ModelException;
import dev.cited.conversation.ConversationNotFoundException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error leaves as {@code {"error": {"code": "...", "message": "..."}}}: handlers throw Javalin's
 * HttpResponseExceptions (with a "code" detail), model failures map to 502/504, anything else is a 500
 * that is logged and never shows a stack trace. Under {@code /v1/} (the OpenAI-compatible endpoint) the error is
 * OpenAI's shape, {@code {"error": {"message", "type", "param", "code"}}}, so OpenAI's SDKs read it: {@code type}
 * and {@code param} come from the exception's "type" and "param" details, or {@code type} from the status.
 */
public final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            String code = e.getDetails().get("code");
            if (code == null && e.getStatus() == 405) {
                // Javalin's own 405 (prefer405over404): name the method and path, and say what is allowed.
                String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
                if (allowed != null && !allowed.isBlank()) {
                    ctx.header("Allow", allowed);
                }
                write(ctx, 405, codeFor(405), messageFor(405, ctx));
                return;
            }
            write(ctx, e.getStatus(), code != null ? code : codeFor(e.getStatus()), e.getMessage(),
                    e.getDetails().get("type"), e.getDetails().get("param"));
        });
        routes.exception(ConversationNotFoundException.class, (e, ctx) ->
                write(ctx, 404, "unknown_conversation", e.getMessage()));
        routes.exception(ModelException.class, (e, ctx) -> {
            LOG.warn("Model failure: {}", e.getMessage());
            write(ctx, e.isTimeout() ? 504 : 502, e.isTimeout() ? "model_timeout" : "model_error", e.getMessage());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal_error", "Something went wrong on the server. It has been logged.");
        });
        // Unmatched paths and Jetty's own rejections get the same shape, unless a handler already wrote a body.
        for (int status : new int[]{404, 405, 413, 414, 431}) {
            routes.error(status, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    write(ctx, status, codeFor(status), messageFor(status, ctx));
                }
            });
        }
    }

    /** A 400 with a machine-readable code. */
    public static HttpResponseException badRequest(String code, String message) {
        return new HttpResponseException(400, message, Map.of("code", code));
    }

    public static HttpResponseException error(int status, String code, String message) {
        return new HttpResponseException(status, message, Map.of("code", code));
    }

    public static Map<String, Object> body(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Map.of("error", error);
    }

    private static void write(Context ctx, int status, String code, String message) {
        write(ctx, status, code, message, null, null);
    }

    private static void write(Context ctx, int status, String code, String message, String type, String param) {
        ctx.status(status).json(ctx.path().startsWith(OPENAI_PREFIX)
                ? openAiBody(status, code, message, type, param) : body(code, message));
    }

    /** Where errors take OpenAI's shape. */
    static final String OPENAI_PREFIX = "/v1/";

    /**
     * OpenAI's error shape. {@code type}, when not given, follows the status: {@code invalid_request_error} for
     * 4xx, {@code authentication_error} (401), {@code permission_error} (403), {@code rate_limit_error} (429),
     * {@code server_error} for 5xx. {@code param} names the offending request field, or is null.
     */
    public static Map<String, Object> openAiBody(int status, String code, String message, String type, String param) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type != null ? type : openAiType(status));
        error.put("param", param);
        error.put("code", code);
        return Map.of("error", error);
    }

    static String openAiType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> {
                HttpStatus known = HttpStatus.forStatus(status);
                yield known == HttpStatus.UNKNOWN ? "error" : known.name().toLowerCase(java.util.Locale.ROOT);
            }
        };
    }

    private static String messageFor(int status, Context ctx) {
        return switch (status) {
            case 404 -> "Nothing at " + ctx.method() + " " + ctx.path();
            case 405 -> ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "The request body is too large";
            default -> HttpStatus.forStatus(status).getMessage();
        };
    }
}
