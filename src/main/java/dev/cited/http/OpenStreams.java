package dev.cited.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answer streams open now. When a stopping server's grace period is about to run out, each one still open
 * is told so with an {@code error} event ({@code stopping}) instead of being cut without a word.
 */
final class OpenStreams {
    private final Set<SseWriter> open = ConcurrentHashMap.newKeySet();

    void add(SseWriter writer) {
        open.add(writer);
    }

    void remove(SseWriter writer) {
        open.remove(writer);
    }

    /** Ends every open stream with an error event; what their answers send later is dropped. */
    int endAll() {
        int ended = 0;
        for (SseWriter writer : open) {
            if (writer.end("error", ApiErrors.body("stopping",
                    "The server is restarting and could not finish this answer in time. Please ask again."))) {
                ended++;
            }
        }
        return ended;
    }

    int size() {
        return open.size();
    }
}
