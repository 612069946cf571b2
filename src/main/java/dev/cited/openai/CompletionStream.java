package dev.cited.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One streamed completion: {@code data: {json}} events flushed one by one, an SSE comment ({@code : waiting})
 * every heartbeat while the answer is being produced so that proxies do not time the connection out, and
 * {@code data: [DONE]} at the end. A client that went away stops the writing, not the answer.
 */
final class CompletionStream implements AutoCloseable {
    private static final byte[] HEARTBEAT = ": waiting\n\n".getBytes(StandardCharsets.UTF_8);

    private final OutputStream out;
    private final ObjectMapper mapper;
    private ScheduledFuture<?> heartbeats;
    private boolean open = true;

    CompletionStream(Context ctx, ObjectMapper mapper) throws IOException {
        this.mapper = mapper;
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        this.out = ctx.res().getOutputStream(); // the headers leave with the first event, in one write
    }

    /** Sends a comment every {@code interval} until {@link #stopHeartbeats()}. */
    synchronized void startHeartbeats(ScheduledExecutorService scheduler, Duration interval) {
        heartbeats = scheduler.scheduleAtFixedRate(this::heartbeat, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Checked under the lock: a beat already due when the heartbeats stopped must not land among the text. */
    private synchronized void heartbeat() {
        if (heartbeats != null) {
            write(HEARTBEAT);
        }
    }

    synchronized void stopHeartbeats() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
            heartbeats = null;
        }
    }

    /** Sends an event now. */
    void data(Object event) {
        write(event(event), true);
    }

    /**
     * Adds an event to go with the next flush: the verified text is all known at once, so its pieces, the last
     * chunk and [DONE] leave together rather than a write each.
     */
    void queue(Object event) {
        write(event(event), false);
    }

    /** Ends the stream with {@code [DONE]}, sending what was queued. */
    void done() {
        write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8), true);
    }

    private byte[] event(Object event) {
        try {
            return ("data: " + mapper.writeValueAsString(event) + "\n\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(byte[] bytes) {
        write(bytes, true);
    }

    private synchronized void write(byte[] bytes, boolean flush) {
        if (!open) {
            return;
        }
        try {
            out.write(bytes);
            if (flush) {
                out.flush();
            }
        } catch (IOException e) {
            open = false; // the client disconnected
        }
    }

    @Override
    public void close() {
        stopHeartbeats();
    }
}
