package dev.cited.document;

import java.time.Duration;

/**
 * What one file may cost to read: a file over {@code maxFileBytes} is not opened, a text over
 * {@code maxChars} is not served, and a parse past {@code parseTimeout} is abandoned.
 */
public record LoadLimits(long maxFileBytes, int maxChars, Duration parseTimeout) {
    public static final LoadLimits DEFAULT = new LoadLimits(100L << 20, 20_000_000, Duration.ofSeconds(60));
}
