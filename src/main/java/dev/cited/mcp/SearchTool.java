package dev.cited.mcp;

import dev.cited.retrieval.QueryAnalyzer;
import dev.cited.retrieval.Retriever;
import dev.cited.retrieval.ScoredPassage;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.cited.mcp.Schemas.array;
import static dev.cited.mcp.Schemas.integer;
import static dev.cited.mcp.Schemas.nullableInteger;
import static dev.cited.mcp.Schemas.number;
import static dev.cited.mcp.Schemas.object;
import static dev.cited.mcp.Schemas.openObject;
import static dev.cited.mcp.Schemas.properties;
import static dev.cited.mcp.Schemas.string;

/** The {@code search} tool: the passages the configured retriever finds for a query, best first, with scores. */
final class SearchTool {
    static final String NAME = "search";
    static final int DEFAULT_K = 5;
    /** As GET /api/search allows. */
    static final int MAX_K = 50;
    static final int MAX_QUERY_LENGTH = 2000;

    private final Retriever retriever;
    private final QueryAnalyzer queries;

    SearchTool(Retriever retriever, QueryAnalyzer queries) {
        this.retriever = retriever;
        this.queries = queries;
    }

    SyncToolSpecification specification() {
        Tool tool = Tool.builder().name(NAME).title("Search the documents")
                .description("Finds the passages of the document collection most relevant to a query, best first,"
                        + " each with its document id, title, text, character offsets into the document text (start,"
                        + " end), page when known, and score. No answer is written: use ask for that.")
                .inputSchema(object(properties(
                        "query", string("What to search for.", MAX_QUERY_LENGTH),
                        "k", integer("How many passages to return.", 1, MAX_K, DEFAULT_K)),
                        "query"))
                .outputSchema(outputSchema())
                .annotations(ToolResults.READ_ONLY)
                .build();
        return ToolResults.specification(tool, this::call);
    }

    private CallToolResult call(McpSyncServerExchange exchange, CallToolRequest request) {
        String query;
        int k;
        try {
            Arguments args = Arguments.of(request.arguments(), Set.of("query", "k"));
            query = args.requiredText("query", MAX_QUERY_LENGTH);
            k = args.optionalWhole("k", DEFAULT_K, 1, MAX_K);
        } catch (InvalidArgument e) {
            return ToolResults.error(e.getMessage());
        }
        List<ScoredPassage> hits = retriever.retrieve(queries.analyze(query), k);
        List<Map<String, Object>> results = hits.stream().map(SearchTool::result).toList();
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("query", query);
        structured.put("retriever", retriever.name());
        structured.put("results", results);
        return ToolResults.success(text(query, hits), structured);
    }

    private static String text(String query, List<ScoredPassage> hits) {
        if (hits.isEmpty()) {
            return "No passage matches \"" + query + "\".";
        }
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (ScoredPassage hit : hits) {
            var p = hit.passage();
            text.append(n++ == 0 ? "" : "\n\n").append(n).append(". ").append(p.documentTitle()).append(" (")
                    .append(p.documentId()).append(", characters ").append(p.start()).append("-").append(p.end());
            Integer page = p.pageAt(p.start());
            if (page != null) {
                text.append(", page ").append(page);
            }
            text.append(String.format(java.util.Locale.ROOT, ", score %.4f):%n", hit.score())).append(p.text());
        }
        return text.toString();
    }

    private static Map<String, Object> result(ScoredPassage hit) {
        var p = hit.passage();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passage_id", p.id());
        out.put("document_id", p.documentId());
        out.put("title", p.documentTitle());
        out.put("text", p.text());
        out.put("start", p.start());
        out.put("end", p.end());
        out.put("page", p.pageAt(p.start()));
        out.put("score", hit.score());
        return out;
    }

    private static Map<String, Object> outputSchema() {
        Map<String, Object> passage = openObject(properties(
                "passage_id", string("The passage's id: document id, '#', its number in the document."),
                "document_id", string("The document it is from."),
                "title", string("The document's title."),
                "text", string("Exactly the document text from start to end."),
                "start", integer("Offset of the passage's first character in the document text."),
                "end", integer("Offset just after the passage's last character."),
                "page", nullableInteger("1-based page the passage starts on, for paginated documents; else null."),
                "score", number("The retriever's ranking score (higher is better; comparable within one search).")),
                "passage_id", "document_id", "title", "text", "start", "end", "score");
        return openObject(properties(
                "query", string("The query searched."),
                "retriever", string("bm25, dense or hybrid."),
                "results", array(passage, "The passages, best first.")),
                "query", "retriever", "results");
    }
}
