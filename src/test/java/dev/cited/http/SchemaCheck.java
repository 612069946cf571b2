package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small hand-written check of a JSON value against an OpenAPI 3.0 schema: $ref, type, nullable, required,
 * properties, items, enum, minimum/maximum, minLength/maxLength and pattern. Enough to keep openapi.json true to
 * what the server really sends, without a validator dependency.
 */
final class SchemaCheck {
    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Follows a local "#/..." reference. */
    JsonNode resolve(JsonNode schema) {
        int hops = 0;
        while (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/") || hops++ > 20) {
                throw new AssertionError("unsupported $ref " + ref);
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new AssertionError("dangling $ref " + ref);
            }
            schema = target;
        }
        return schema;
    }

    List<String> problems(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(resolve(schema), value, "$", problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String where, List<String> problems) {
        schema = resolve(schema);
        if (value == null || value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(where + " is null but not nullable");
            }
            return;
        }
        String type = schema.path("type").asText("");
        boolean typeOk = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "" -> true;
            default -> false;
        };
        if (!typeOk) {
            problems.add(where + " should be " + type + " but is " + value.getNodeType() + ": " + abbreviate(value));
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                problems.add(where + " = " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                problems.add(where + " = " + value + " is below " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                problems.add(where + " = " + value + " is above " + schema.get("maximum"));
            }
        }
        if (value.isTextual()) {
            String s = value.asText();
            if (schema.has("minLength") && s.length() < schema.get("minLength").asInt()) {
                problems.add(where + " is shorter than " + schema.get("minLength"));
            }
            if (schema.has("maxLength") && s.length() > schema.get("maxLength").asInt()) {
                problems.add(where + " is longer than " + schema.get("maxLength"));
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
                problems.add(where + " = " + abbreviate(value) + " does not match " + schema.get("pattern"));
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(where + " lacks required '" + required.asText() + "'");
                }
            }
            JsonNode properties = schema.path("properties");
            value.fieldNames().forEachRemaining(name -> {
                if (properties.has(name)) {
                    check(properties.get(name), value.get(name), where + "." + name, problems);
                } else if (properties.size() > 0) {
                    problems.add(where + "." + name + " is not described");
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), where + "[" + i + "]", problems);
            }
        }
    }

    private static String abbreviate(JsonNode value) {
        String s = value.toString();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
