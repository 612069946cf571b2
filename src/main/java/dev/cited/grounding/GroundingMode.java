package dev.cited.grounding;

import java.util.Locale;

/** What happens to a statement nothing sent supports. */
public enum GroundingMode {
    /** Removed from the answer and listed in {@code unsupported} (the default). */
    STRICT,
    /** Kept in the answer, marked "⚠" and uncited, and listed in {@code unsupported}. */
    FLAG;

    public static GroundingMode parse(String value) {
        String v = value == null ? "strict" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "strict" -> STRICT;
            case "flag" -> FLAG;
            default -> throw new IllegalArgumentException("Unknown grounding mode '" + value + "': use strict or flag");
        };
    }
}
