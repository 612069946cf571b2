package dev.cited.mcp;

import dev.cited.document.Document;
import dev.cited.index.PassageIndex;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static dev.cited.mcp.Schemas.bool;
import static dev.cited.mcp.Schemas.integer;
import static dev.cited.mcp.Schemas.nullableInteger;
import static dev.cited.mcp.Schemas.object;
import static dev.cited.mcp.Schemas.openObject;
import static dev.cited.mcp.Schemas.properties;
import static dev.cited.mcp.Schemas.string;

/**
 * The {@code get_document} tool: a document's text, or the slice {@code [start, end)} of it (the offsets citations
 * and search results give), at most {@link #MAX_CHARS} characters a call so one call cannot flood a model's context.
 */
final class DocumentTool {
    static final String NAME = "get_document";
    static final int MAX_CHARS = 20_000;
    static final int MAX_ID_LENGTH = 1_000;

    private final PassageIndex index;

    DocumentTool(PassageIndex index) {
        this.index = index;
    }

    SyncToolSpecification specification() {
        Tool tool = Tool.builder().name(NAME).title("Read a document")
                .description("Returns the text of a document by id, or of the range [start, end) of it: the offsets"
                        + " that ask's citations and search's results give, so the text around a quote can be read."
                        + " At most " + MAX_CHARS + " characters a call; without end, the text from start up to that"
                        + " limit (more: true says there is more after it).")
                .inputSchema(object(properties(
                        "id", string("The document id (document_id in ask's citations and search's results).",
                                MAX_ID_LENGTH),
                        "start", integer("Offset of the first character to return (default 0).", 0, Integer.MAX_VALUE),
                        "end", integer("Offset just after the last character to return (default: start + "
                                + MAX_CHARS + ", or the end of the text).", 0, Integer.MAX_VALUE)),
                        "id"))
                .outputSchema(outputSchema())
                .annotations(ToolResults.READ_ONLY)
                .build();
        return ToolResults.specification(tool, this::call);
    }

    private CallToolResult call(McpSyncServerExchange exchange, CallToolRequest request) {
        try {
            Arguments args = Arguments.of(request.arguments(), Set.of("id", "start", "end"));
            String id = args.requiredText("id", MAX_ID_LENGTH);
            Integer start = args.optionalWhole("start", 0, 0, Integer.MAX_VALUE);
            Integer end = args.optionalWhole("end", null, 0, Integer.MAX_VALUE);
            Document document = index.document(id).orElseThrow(() -> new InvalidArgument("No document with id '"
                    + id + "'; the ids are in search results, citations and the resources list"));
            int length = document.text().length();
            if (start > length) {
                throw new InvalidArgument("'start' is " + start + ", past the end of the text (" + length
                        + " characters)");
            }
            if (end == null) {
                end = (int) Math.min(length, (long) start + MAX_CHARS);
            } else if (end < start || end > length) {
                throw new InvalidArgument("'end' must be from start (" + start + ") to the length of the text ("
                        + length + "); it is " + end);
            } else if (end - start > MAX_CHARS) {
                throw new InvalidArgument("At most " + MAX_CHARS + " characters a call: ask for a smaller range (this"
                        + " one is " + (end - start) + ")");
            }
            String slice = document.text().substring(start, end);
            return ToolResults.success(slice.isEmpty() ? "(no text in this range)" : slice,
                    structured(document, start, end, slice));
        } catch (InvalidArgument e) {
            return ToolResults.error(e.getMessage());
        }
    }

    private static Map<String, Object> structured(Document document, int start, int end, String slice) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", document.id());
        out.put("title", document.title());
        out.put("type", document.type());
        out.put("length", document.text().length());
        out.put("start", start);
        out.put("end", end);
        out.put("more", end < document.text().length());
        out.put("pages", document.pages());
        out.put("page", document.pageAt(start));
        out.put("text", slice);
        return out;
    }

    private static Map<String, Object> outputSchema() {
        return openObject(properties(
                "id", string("The document id."),
                "title", string("The document's title."),
                "type", string("Media type of its file (text/plain, text/markdown, application/pdf, ...)."),
                "length", integer("Length of the whole document text, in characters."),
                "start", integer("Offset of the first character returned."),
                "end", integer("Offset just after the last character returned."),
                "more", bool("Whether the text goes on after end."),
                "pages", integer("Number of pages, 0 for formats without pages."),
                "page", nullableInteger("1-based page that start falls on, for paginated documents; else null."),
                "text", string("The document text from start to end.")),
                "id", "title", "length", "start", "end", "more", "text");
    }
}
