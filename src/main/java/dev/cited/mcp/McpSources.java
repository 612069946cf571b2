package dev.cited.mcp;

import dev.cited.conversation.ConversationService;
import dev.cited.index.PassageIndex;
import dev.cited.retrieval.QueryAnalyzer;
import dev.cited.retrieval.Retriever;

/**
 * What the MCP tools and resources answer from: the same conversations, retriever and index as every other face.
 *
 * @param queries analyses a search query as the question pipeline does before retrieving
 */
public record McpSources(ConversationService conversations, Retriever retriever, QueryAnalyzer queries,
                         PassageIndex index) {
}
