package dev.cited.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;

/**
 * Who a tool call acts for, carried in the SDK's transport context: over HTTP the signed-in user of each request
 * (the key it came with), over stdio nobody in particular (the local user). The owner decides whose conversations a
 * call may continue.
 */
final class Caller {
    /** The transport context entry holding the owner's user id (absent: nobody signs in). */
    static final String OWNER = "cited.owner";

    private Caller() {
    }

    /** The context of a request acting for {@code owner} (null: nobody in particular). */
    static McpTransportContext context(String owner) {
        return owner == null ? McpTransportContext.EMPTY : McpTransportContext.create(java.util.Map.of(OWNER, owner));
    }

    static String owner(McpSyncServerExchange exchange) {
        McpTransportContext context = exchange == null ? null : exchange.transportContext();
        Object owner = context == null ? null : context.get(OWNER);
        return owner instanceof String s ? s : null;
    }
}
