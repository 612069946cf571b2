package dev.cited.http;

import dev.cited.conversation.Conversation;
import dev.cited.conversation.ConversationNotFoundException;
import dev.cited.conversation.ConversationStore;
import dev.cited.conversation.Turn;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /api/conversations lists the signed-in user's conversations; GET /api/conversations/{id} reads one back
 * with its answers and citations. Someone else's conversation is unknown (404), as when asking.
 */
final class ConversationRoutes {
    static final int LISTED = 100;

    private final ConversationStore store;

    ConversationRoutes(ConversationStore store) {
        this.store = store;
    }

    void list(Context ctx) {
        ctx.json(store.list(Access.owner(ctx), LISTED).stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("firstQuestion", c.firstQuestion());
            m.put("turnCount", c.turnCount());
            m.put("updatedAt", c.updatedAt().toString());
            return m;
        }).toList());
    }

    void read(Context ctx) {
        String id = ctx.pathParam("id");
        Conversation conversation = store.find(id).filter(c -> c.ownedBy(Access.owner(ctx)))
                .orElseThrow(() -> new ConversationNotFoundException(id));
        List<Map<String, Object>> turns = conversation.turns().stream().map(ConversationRoutes::turn).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", conversation.id());
        body.put("turnCount", conversation.turnCount());
        body.put("updatedAt", conversation.updatedAt().toString());
        body.put("turns", turns);
        ctx.json(body);
    }

    private static Map<String, Object> turn(Turn turn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("turn", turn.result().turn());
        m.put("question", turn.question());
        m.put("answer", turn.result());
        return m;
    }
}
