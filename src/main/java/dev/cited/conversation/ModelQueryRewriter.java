package dev.cited.conversation;

import dev.cited.answer.HistoryTurn;
import dev.cited.answer.HistoryFormat;
import dev.cited.answer.PromptTemplate;
import dev.langchain4j.model.chat.ChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Asks the configured model to rewrite a follow-up (prompts/rewrite.txt). Falls back to the offline
 * rewriter when the model fails or replies with something unusable, since a search must still happen.
 */
public final class ModelQueryRewriter implements QueryRewriter {
    private static final Logger LOG = LoggerFactory.getLogger(ModelQueryRewriter.class);
    private static final int MAX_QUERY_LENGTH = 500;

    private final ChatModel model;
    private final PromptTemplate prompt;
    private final QueryRewriter fallback;

    public ModelQueryRewriter(ChatModel model, PromptTemplate prompt, QueryRewriter fallback) {
        this.model = model;
        this.prompt = prompt;
        this.fallback = fallback;
    }

    @Override
    public String rewrite(String question, List<Turn> history) {
        if (history.isEmpty()) {
            return question;
        }
        List<HistoryTurn> turns = history.stream().map(t -> new HistoryTurn(t.question(), t.result().answer())).toList();
        try {
            String reply = model.chat(prompt.render(Map.of("history", HistoryFormat.of(turns), "question", question)));
            String query = reply == null ? "" : reply.strip().lines().findFirst().orElse("").strip();
            query = query.replaceAll("^[\"“']+|[\"”']+$", "");
            if (!query.isBlank() && query.length() <= MAX_QUERY_LENGTH) {
                return query;
            }
        } catch (RuntimeException e) {
            LOG.warn("Model could not rewrite the follow-up, using the offline rewriter: {}", e.getMessage());
        }
        return fallback.rewrite(question, history);
    }
}
