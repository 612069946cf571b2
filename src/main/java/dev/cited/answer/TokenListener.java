package dev.cited.answer;

/** Receives answer text as it is produced, for streaming. */
@FunctionalInterface
public interface TokenListener {
    TokenListener NONE = text -> { };

    void onToken(String text);
}
