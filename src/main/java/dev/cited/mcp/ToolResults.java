package dev.cited.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;

import java.util.Map;

/** The two shapes a tool call ends in: a result (text for people, structured content for programs), or an error. */
final class ToolResults {
    private ToolResults() {
    }

    static CallToolResult success(String text, Map<String, Object> structured) {
        return CallToolResult.builder().addContent(new TextContent(text)).structuredContent(structured)
                .isError(false).build();
    }

    /** A tool error (isError): the session goes on, and the message says what went wrong in plain words. */
    static CallToolResult error(String message) {
        return CallToolResult.builder().addContent(new TextContent(message)).isError(true).build();
    }
}
