package dev.cited.mcp;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one tool call, read with the checks every tool needs. Each read throws {@link InvalidArgument}
 * with a message naming the argument, so a client (or the model driving it) can correct the call.
 */
final class Arguments {
    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = values;
    }

    /** The call's arguments, refusing names the tool does not take. */
    static Arguments of(Map<String, Object> values, Set<String> known) {
        Map<String, Object> given = values == null ? Map.of() : values;
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new InvalidArgument("Unknown argument" + (unknown.size() == 1 ? " " : "s ") + String.join(", ",
                    unknown.stream().map(n -> "'" + n + "'").toList()) + "; this tool takes "
                    + String.join(", ", new TreeSet<>(known)));
        }
        return new Arguments(given);
    }

    /** A non-blank string of at most {@code maxLength} characters. */
    String requiredText(String name, int maxLength) {
        String text = optionalText(name, maxLength);
        if (text == null) {
            throw new InvalidArgument("'" + name + "' is required");
        }
        return text;
    }

    /** A non-blank string of at most {@code maxLength} characters, or null when absent. */
    String optionalText(String name, int maxLength) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidArgument("'" + name + "' must be a string");
        }
        if (text.isBlank()) {
            throw new InvalidArgument("'" + name + "' is blank");
        }
        if (text.length() > maxLength) {
            throw new InvalidArgument("'" + name + "' is " + text.length() + " characters; the limit is " + maxLength);
        }
        return text;
    }

    /** A whole number from {@code min} to {@code max}, or {@code absent} when not given. */
    Integer optionalWhole(String name, Integer absent, int min, int max) {
        Object value = values.get(name);
        if (value == null) {
            return absent;
        }
        Long whole = null;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            whole = ((Number) value).longValue();
        } else if (value instanceof Number n && !Double.isInfinite(n.doubleValue())
                && n.doubleValue() == Math.rint(n.doubleValue())) { // 5.0 is 5; a string "5" is not a number
            whole = (long) n.doubleValue();
        }
        if (whole == null || whole < min || whole > max) {
            throw new InvalidArgument("'" + name + "' must be a whole number from " + min + " to " + max);
        }
        return whole.intValue();
    }
}
