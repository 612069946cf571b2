package dev.cited.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.http.StrictJson;
import io.javalin.http.Context;

import java.util.List;

/**
 * Reads and checks a chat completions request: every way it can be wrong is a 400 in plain words naming the field
 * ({@code param}), a body not sent as JSON a 415, an unknown model a 404. Sampling parameters (temperature, top_p,
 * max_tokens, ...) are type-checked and then ignored: Cited's answer is whatever its documents support.
 */
final class ChatRequests {
    private static final List<String> NUMBERS = List.of("temperature", "top_p", "presence_penalty", "frequency_penalty");
    private static final List<String> INTEGERS = List.of("max_tokens", "max_completion_tokens", "seed");
    private static final List<String> TOOL_FIELDS = List.of("tools", "functions");

    private final ObjectMapper mapper;
    private final ModelCatalog models;

    ChatRequests(ObjectMapper mapper, ModelCatalog models) {
        this.mapper = mapper;
        this.models = models;
    }

    ChatRequest parse(Context ctx) {
        JsonNode body = body(ctx);
        String model = model(body);
        if (!models.has(model)) {
            throw InvalidRequest.error(404, "model", "model_not_found", "The model '" + model
                    + "' does not exist: this server answers as " + models.ids());
        }
        MessageHistory.Parsed messages = MessageHistory.parse(body.get("messages"));
        boolean stream = optionalBoolean(body, "stream", "stream");
        boolean includeUsage = false;
        JsonNode options = body.get("stream_options");
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                throw InvalidRequest.of("stream_options", "invalid_stream_options", "'stream_options' must be an object");
            }
            if (!stream) {
                throw InvalidRequest.of("stream_options", "invalid_stream_options",
                        "'stream_options' is only allowed when 'stream' is true");
            }
            includeUsage = optionalBoolean(options, "include_usage", "stream_options.include_usage");
        }
        checkN(body.get("n"));
        checkNoTools(body);
        checkResponseFormat(body.get("response_format"));
        for (String field : NUMBERS) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull() && !value.isNumber()) {
                throw InvalidRequest.of(field, "invalid_" + field, "'" + field + "' must be a number");
            }
        }
        for (String field : INTEGERS) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull() && !value.isIntegralNumber()) {
                throw InvalidRequest.of(field, "invalid_" + field, "'" + field + "' must be an integer");
            }
        }
        JsonNode user = body.get("user");
        if (user != null && !user.isNull() && !user.isTextual()) {
            throw InvalidRequest.of("user", "invalid_user", "'user' must be a string");
        }
        return new ChatRequest(messages.question(), stream, includeUsage, messages.allText());
    }

    private JsonNode body(Context ctx) {
        if (!StrictJson.isJson(ctx.header("Content-Type"))) {
            throw InvalidRequest.error(415, null, "unsupported_media_type",
                    "Send the body as JSON, with the header Content-Type: application/json");
        }
        byte[] bytes = ctx.bodyAsBytes(); // the server caps bodies (64 KiB: a 413 past it)
        if (bytes.length == 0) {
            throw InvalidRequest.of(null, "missing_body", "Send a JSON object body with 'model' and 'messages'");
        }
        return StrictJson.object(mapper, bytes, reason -> InvalidRequest.of(null, "invalid_json", reason));
    }

    private static String model(JsonNode body) {
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw InvalidRequest.of("model", "missing_model", "Send 'model': the id from GET /v1/models");
        }
        if (!model.isTextual()) {
            throw InvalidRequest.of("model", "invalid_model", "'model' must be a string");
        }
        return model.asText();
    }

    private static boolean optionalBoolean(JsonNode body, String field, String param) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw InvalidRequest.of(param, "invalid_" + field, "'" + param + "' must be true or false");
        }
        return value.asBoolean();
    }

    private static void checkN(JsonNode n) {
        if (n == null || n.isNull()) {
            return;
        }
        if (!n.isIntegralNumber()) {
            throw InvalidRequest.of("n", "invalid_n", "'n' must be an integer");
        }
        if (n.asLong() != 1) {
            throw InvalidRequest.of("n", "unsupported_n", "Cited gives one answer per question: 'n' must be 1");
        }
    }

    /** Cited calls no tools; an empty tools array, or tool_choice "none", asks for none and is accepted. */
    private static void checkNoTools(JsonNode body) {
        for (String field : TOOL_FIELDS) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty())) {
                throw InvalidRequest.of(field, "tools_not_supported",
                        "Cited answers from its documents and calls no tools: leave out '" + field + "'");
            }
        }
        for (String field : List.of("tool_choice", "function_call")) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull() && !(value.isTextual() && value.asText().equals("none"))) {
                throw InvalidRequest.of(field, "tools_not_supported",
                        "Cited answers from its documents and calls no tools: leave out '" + field + "'");
            }
        }
    }

    private static void checkResponseFormat(JsonNode format) {
        if (format == null || format.isNull()) {
            return;
        }
        if (!format.isObject() || !format.path("type").isTextual()) {
            throw InvalidRequest.of("response_format", "invalid_response_format",
                    "'response_format' must be an object such as {\"type\": \"text\"}");
        }
        if (!format.get("type").asText().equals("text")) {
            throw InvalidRequest.of("response_format.type", "unsupported_response_format",
                    "Cited answers in text with citations: response_format '" + format.get("type").asText()
                            + "' is not supported, only 'text'");
        }
    }
}
