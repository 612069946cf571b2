package dev.cited.mcp;

/** A tool was called with arguments it cannot take; the message says what is wrong, in plain words. */
final class InvalidArgument extends RuntimeException {
    InvalidArgument(String message) {
        super(message);
    }
}
