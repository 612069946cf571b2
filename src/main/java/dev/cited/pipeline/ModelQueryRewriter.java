package dev.cited.pipeline;

import dev.cited.answer.HistoryFormat;
import dev.cited.answer.HistoryTurn;
import dev.cited.answer.ModelException;
import dev.cited.answer.ModelFailures;
import dev.cited.answer.PromptTemplate;
import dev.langchain4j.model.chat.ChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Asks the configured model to rewrite a follow-up (prompts/rewrite.txt). Falls back to the offline
 * rewriter when the model fails or replies with something unusable, since a search must still happen.
 * A model that times out is not asked again for the answer: the timeout propagates as a
 * {@link ModelException}, so a question never waits for the model longer than one timeout.
 */
public final class ModelQueryRewriter implements QueryRewriter {
    private static final Logger LOG = LoggerFactory.getLogger(ModelQueryRewriter.class);
    private static final int MAX_QUERY_LENGTH = 500;
    private static final Pattern ECHOED_LABEL = Pattern.compile("(?i)^(standalone\\s+)?(search\\s+)?query\\s*:\\s*");
    private static final Pattern QUOTES = Pattern.compile("^[\"“'`]+|[\"”'`]+$");

    private final ChatModel model;
    private final PromptTemplate prompt;
    private final QueryRewriter fallback;

    /** @param model should be bounded by a timeout already, as {@link dev.cited.llm.ChatModels} makes them */
    public ModelQueryRewriter(ChatModel model, PromptTemplate prompt, QueryRewriter fallback) {
        this.model = model;
        this.prompt = prompt;
        this.fallback = fallback;
    }

    @Override
    public String rewrite(String question, List<HistoryTurn> history) {
        if (history.isEmpty()) {
            return question;
        }
        try {
            String reply = model.chat(prompt.render(Map.of("history", HistoryFormat.of(history), "question", question)));
            String query = clean(reply);
            if (!query.isBlank() && query.length() <= MAX_QUERY_LENGTH) {
                return query;
            }
            LOG.warn("Model gave no usable rewrite of the follow-up, using the offline rewriter");
        } catch (RuntimeException e) {
            ModelException failure = ModelFailures.translate(e);
            if (failure.isTimeout()) {
                throw failure;
            }
            LOG.warn("Model could not rewrite the follow-up, using the offline rewriter: {}", failure.getMessage());
        }
        return fallback.rewrite(question, history);
    }

    /** The first non-blank line of the reply, without an echoed "Standalone query:" label or wrapping quotes. */
    static String clean(String reply) {
        String line = reply == null ? "" : reply.strip().lines().map(String::strip)
                .filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = ECHOED_LABEL.matcher(line).replaceFirst("");
        return QUOTES.matcher(line).replaceAll("").strip();
    }
}
