package dev.cited.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body, decoded from the same raw bytes that were verified. */
public final class FormBody {
    private final Map<String, String> fields;

    private FormBody(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Parses the body; the first value of a repeated field wins. Throws IllegalArgumentException when malformed. */
    public static FormBody parse(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq >= 0 ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8);
                String value = eq >= 0 ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "";
                fields.putIfAbsent(key, value);
            }
        }
        return new FormBody(fields);
    }

    public String get(String name) {
        return fields.get(name);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }
}
