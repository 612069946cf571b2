package dev.cited.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events straight to the response and flushes each one, so tokens reach the client as
 * they are produced. A client that went away stops the writing, not the answer.
 */
final class SseWriter {
    private final OutputStream out;
    private final ObjectMapper mapper;
    private boolean open = true;

    SseWriter(Context ctx, ObjectMapper mapper) throws IOException {
        this.mapper = mapper;
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        this.out = ctx.res().getOutputStream();
        out.flush(); // commit the headers now
    }

    synchronized void send(String event, Object data) {
        if (!open) {
            return;
        }
        write(event, data);
    }

    /** Sends this last event and ends the response; false when the stream had already ended. */
    synchronized boolean end(String event, Object data) {
        if (!open) {
            return false;
        }
        write(event, data);
        open = false; // what the answer sends later is dropped
        try {
            out.close();
        } catch (IOException e) {
            // the client went away: nothing more to tell it
        }
        return true;
    }

    private void write(String event, Object data) {
        try {
            String json = mapper.writeValueAsString(data);
            out.write(("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            open = false; // the client disconnected
        }
    }
}
