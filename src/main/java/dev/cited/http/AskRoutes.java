package dev.cited.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.answer.ModelException;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.ConversationNotFoundException;
import dev.cited.conversation.ConversationService;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/** POST /api/ask (one JSON answer) and POST /api/ask/stream (server-sent events). */
final class AskRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AskRoutes.class);

    private final ConversationService conversations;
    private final ObjectMapper mapper;
    private final OpenStreams streams;

    AskRoutes(ConversationService conversations, ObjectMapper mapper, OpenStreams streams) {
        this.conversations = conversations;
        this.mapper = mapper;
        this.streams = streams;
    }

    void ask(Context ctx) {
        AskRequest request = AskRequests.parse(ctx, mapper);
        ctx.json(conversations.ask(request));
    }

    void stream(Context ctx) throws IOException {
        AskRequest request = AskRequests.parse(ctx, mapper); // bad input is a plain JSON 4xx, before any event
        SseWriter events = new SseWriter(ctx, mapper);
        streams.add(events);
        try {
            AskResult result = conversations.ask(request, text -> events.send("token", Map.of("text", text)));
            events.send("done", result);
        } catch (ConversationNotFoundException e) {
            events.send("error", ApiErrors.body("unknown_conversation", e.getMessage()));
        } catch (ModelException e) {
            LOG.warn("Model failure while streaming: {}", e.getMessage());
            events.send("error", ApiErrors.body(e.isTimeout() ? "model_timeout" : "model_error", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Unexpected error while streaming", e);
            events.send("error", ApiErrors.body("internal_error", "Something went wrong on the server. It has been logged."));
        } finally {
            streams.remove(events);
        }
    }
}
