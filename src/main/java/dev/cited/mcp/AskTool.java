package dev.cited.mcp;

import dev.cited.answer.ModelException;
import dev.cited.citation.Citation;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.ConversationNotFoundException;
import dev.cited.conversation.ConversationService;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.cited.mcp.Schemas.array;
import static dev.cited.mcp.Schemas.bool;
import static dev.cited.mcp.Schemas.integer;
import static dev.cited.mcp.Schemas.nullableInteger;
import static dev.cited.mcp.Schemas.object;
import static dev.cited.mcp.Schemas.openObject;
import static dev.cited.mcp.Schemas.properties;
import static dev.cited.mcp.Schemas.string;

/**
 * The {@code ask} tool: a grounded answer whose every claim cites an exact quote, within a conversation the caller
 * may continue by passing back its {@code conversation_id}. "The documents don't say" is a result, not an error.
 */
final class AskTool {
    static final String NAME = "ask";
    private static final Logger LOG = LoggerFactory.getLogger(AskTool.class);
    /** As the HTTP API takes conversation ids. */
    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ConversationService conversations;

    AskTool(ConversationService conversations) {
        this.conversations = conversations;
    }

    SyncToolSpecification specification() {
        Tool tool = Tool.builder().name(NAME).title("Ask the documents")
                .description("Answers a question from the document collection. Every claim in the answer carries a"
                        + " [n] marker citing an exact quote (document id and character offsets into the document"
                        + " text). When the documents do not answer, the result says so (grounded: false) rather than"
                        + " guessing. Pass conversation_id from an earlier result to ask a follow-up question.")
                .inputSchema(object(properties(
                        "question", string("The question, in plain words.", ConversationService.MAX_QUESTION_LENGTH),
                        "conversation_id", Map.of("type", "string", "pattern", CONVERSATION_ID.pattern(),
                                "description", "Continue this conversation (from an earlier result); omit to start one.")),
                        "question"))
                .outputSchema(outputSchema())
                .annotations(ToolAnnotations.builder().readOnlyHint(false).destructiveHint(false).idempotentHint(false)
                        .openWorldHint(false).build()) // each answer is kept as a turn of its conversation
                .build();
        return ToolResults.specification(tool, this::call);
    }

    private CallToolResult call(McpSyncServerExchange exchange, CallToolRequest request) {
        AskRequest ask;
        try {
            Arguments args = Arguments.of(request.arguments(), Set.of("question", "conversation_id"));
            String question = args.requiredText("question", ConversationService.MAX_QUESTION_LENGTH);
            String conversationId = args.optionalText("conversation_id", 128);
            if (conversationId != null && !CONVERSATION_ID.matcher(conversationId).matches()) {
                throw new InvalidArgument("'conversation_id' must be 1-128 characters of letters, digits, '.', '_',"
                        + " ':' or '-'");
            }
            ask = new AskRequest(question, conversationId, false, Caller.owner(exchange));
        } catch (InvalidArgument e) {
            return ToolResults.error(e.getMessage());
        }
        try {
            AskResult result = conversations.ask(ask);
            return ToolResults.success(text(result), structured(result));
        } catch (ConversationNotFoundException e) {
            return ToolResults.error(e.getMessage() + ": omit conversation_id to start a new one");
        } catch (ModelException e) {
            LOG.warn("Model failure answering over MCP: {}", e.getMessage());
            return ToolResults.error((e.isTimeout() ? "The language model did not answer in time"
                    : "The language model failed to answer") + ": " + e.getMessage() + ". Try again later.");
        }
    }

    /** The answer, then its sources, one line each: what a person (or a model reading text) sees. */
    static String text(AskResult result) {
        StringBuilder text = new StringBuilder(result.answer());
        if (!result.citations().isEmpty()) {
            text.append("\n\nSources:");
            for (Citation c : result.citations()) {
                text.append("\n[").append(c.marker()).append("] ").append(c.title()).append(" (").append(c.documentId())
                        .append(", characters ").append(c.start()).append("-").append(c.end());
                if (c.page() != null) {
                    text.append(", page ").append(c.page());
                }
                text.append("): \"").append(c.quote()).append('"');
            }
        }
        text.append("\n\nconversation_id: ").append(result.conversationId());
        return text.toString();
    }

    static Map<String, Object> structured(AskResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversation_id", result.conversationId());
        out.put("turn", result.turn());
        out.put("answer", result.answer());
        out.put("grounded", result.grounded());
        out.put("citations", result.citations().stream().map(AskTool::citation).toList());
        out.put("model", result.model());
        out.put("search_query", result.searchQuery());
        return out;
    }

    private static Map<String, Object> citation(Citation c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("marker", c.marker());
        out.put("document_id", c.documentId());
        out.put("title", c.title());
        out.put("quote", c.quote());
        out.put("start", c.start());
        out.put("end", c.end());
        out.put("page", c.page());
        return out;
    }

    private static Map<String, Object> outputSchema() {
        Map<String, Object> citation = openObject(properties(
                "marker", integer("The [n] marker in the answer this source stands for."),
                "document_id", string("The cited document (get_document, or the resource cited://documents/{id})."),
                "title", string("The document's title."),
                "quote", string("Exactly the document text from start to end."),
                "start", integer("Offset of the quote's first character in the document text."),
                "end", integer("Offset just after the quote's last character."),
                "page", nullableInteger("1-based page the quote starts on, for paginated documents (PDF); else null.")),
                "marker", "document_id", "title", "quote", "start", "end");
        return openObject(properties(
                "conversation_id", string("Pass it back to ask a follow-up question in this conversation."),
                "turn", integer("1-based number of this turn in the conversation."),
                "answer", string("The answer, with [n] markers; or a plain statement that the documents don't say."),
                "grounded", bool("False when the documents do not answer the question (no citations then)."),
                "citations", array(citation, "One source per marker, in marker order."),
                "model", string("What produced the answer text (extractive, or a language model)."),
                "search_query", string("What was searched, after a follow-up was rewritten to stand alone.")),
                "conversation_id", "turn", "answer", "grounded", "citations");
    }
}
