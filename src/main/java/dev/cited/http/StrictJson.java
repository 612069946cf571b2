package dev.cited.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a request body as JSON strictly ("{...} trailing" and repeated keys are malformed, not silently half-read)
 * and says what is wrong with it in plain words: the parser's own sentence and where, without its internals.
 */
public final class StrictJson {
    /** The parser's asides: "(start marker at [Source: REDACTED …; line: 1, column: 1])", "at [Source: …]". */
    private static final Pattern ASIDE = Pattern.compile("\\s*\\(start marker at .*$|\\s*at \\[Source:.*$",
            Pattern.DOTALL);

    private StrictJson() {
    }

    /** @param invalid makes the error a face answers with (its own status and shape) from the plain reason */
    public static JsonNode read(ObjectMapper mapper, byte[] body, Function<String, RuntimeException> invalid) {
        try {
            return mapper.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid.apply("The body is not valid JSON: " + plain(e));
        } catch (IOException e) {
            throw invalid.apply("The body could not be read as JSON");
        }
    }

    /** The same, and the body must be a JSON object. */
    public static JsonNode object(ObjectMapper mapper, byte[] body, Function<String, RuntimeException> invalid) {
        JsonNode node = read(mapper, body, invalid);
        if (node == null || !node.isObject()) {
            throw invalid.apply("The body must be a JSON object");
        }
        return node;
    }

    /** application/json, with no parameter but an optional UTF-8 charset (JSON is UTF-8). */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(java.util.Locale.ROOT).replace("\"", "");
            if (!parameter.isEmpty() && !parameter.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** "Unexpected end-of-input: expected close marker for Array (line 1, column 5)". */
    static String plain(JsonProcessingException e) {
        String said = e.getOriginalMessage() == null ? "malformed" : ASIDE.matcher(e.getOriginalMessage()).replaceAll("");
        JsonLocation where = e.getLocation();
        return where == null || where.getLineNr() < 1 ? said
                : said + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }
}
