package dev.cited.access;

import java.time.Duration;

/**
 * Whether requests must be signed in, and against what.
 *
 * @param required    false: one local user, who may do everything (the server then listens on loopback only)
 * @param sessionTtl  how long a browser stays signed in
 */
public record Authentication(boolean required, ApiKeys keys, Sessions sessions, Duration sessionTtl) {
    public static final Authentication OFF = new Authentication(false, null, null, Duration.ZERO);

    /** "off" or "keys" (CITED_AUTH). */
    public static boolean parseRequired(String mode) {
        if (mode == null || mode.isBlank() || mode.strip().equalsIgnoreCase("off")) {
            return false;
        }
        if (mode.strip().equalsIgnoreCase("keys")) {
            return true;
        }
        throw new IllegalArgumentException("Unknown authentication '" + mode + "': use off or keys");
    }
}
