package dev.cited.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.BiFunction;

/** The two shapes a tool call ends in: a result (text for people, structured content for programs), or an error. */
final class ToolResults {
    private static final Logger LOG = LoggerFactory.getLogger(ToolResults.class);

    /** A tool that only reads the collection: calling it again changes nothing and gives the same. */
    static final ToolAnnotations READ_ONLY = ToolAnnotations.builder().readOnlyHint(true).destructiveHint(false)
            .idempotentHint(true).openWorldHint(false).build();

    private ToolResults() {
    }

    /** The tool, answered by {@code handler} {@link #guarded}. */
    static SyncToolSpecification specification(Tool tool,
            BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
        return SyncToolSpecification.builder().tool(tool).callHandler(guarded(tool.name(), handler)).build();
    }

    static CallToolResult success(String text, Map<String, Object> structured) {
        return CallToolResult.builder().addContent(new TextContent(text)).structuredContent(structured)
                .isError(false).build();
    }

    /** A tool error (isError): the session goes on, and the message says what went wrong in plain words. */
    static CallToolResult error(String message) {
        return CallToolResult.builder().addContent(new TextContent(message)).isError(true).build();
    }

    /**
     * {@code handler}, with what it did not foresee logged and answered as a tool error in plain words, rather than
     * left to the SDK (which would put the exception's own message, class names and all, in a JSON-RPC error).
     */
    static BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> guarded(String tool,
            BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
        return (exchange, request) -> {
            try {
                return handler.apply(exchange, request);
            } catch (RuntimeException e) {
                LOG.error("MCP tool {} failed", tool, e);
                return error("Something went wrong on the server while running " + tool + ". It has been logged.");
            }
        };
    }
}
