package dev.cited.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cited.citation.Citation;
import dev.cited.grounding.StatementVerdict;
import dev.cited.grounding.UnsupportedStatement;

import java.util.List;

/**
 * The answer contract shared by every face (HTTP API, web UI, Slack bot).
 *
 * @param conversationId the conversation this turn belongs to
 * @param turn           1-based number of this turn within the conversation (feedback refers to it)
 * @param answer         answer text with {@code [n]} markers
 * @param grounded       false when the documents do not answer the question
 * @param citations      one per marker, in marker order
 * @param unsupported    statements the answerer wrote that nothing retrieved supports, with the reason:
 *                       not in {@code answer} (or there, marked "⚠", with {@code --grounding flag})
 * @param model          the answerer that produced the text ("extractive", "openai:gpt-4o-mini", ...)
 * @param searchQuery    what was searched, after follow-up rewriting
 * @param verdicts       every grounding check made, when the request asked to explain; otherwise null
 */
public record AskResult(String conversationId, int turn, String answer, boolean grounded, List<Citation> citations,
                        List<UnsupportedStatement> unsupported, String model, String searchQuery,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<StatementVerdict> verdicts) {
    public AskResult {
        citations = List.copyOf(citations);
        unsupported = List.copyOf(unsupported);
        verdicts = verdicts == null ? null : List.copyOf(verdicts);
    }

    /** The same answer as turn {@code number} of its conversation. */
    public AskResult withTurn(int number) {
        return new AskResult(conversationId, number, answer, grounded, citations, unsupported, model, searchQuery,
                verdicts);
    }

    /** The same answer without the verdicts: what a conversation remembers. */
    public AskResult withoutVerdicts() {
        return new AskResult(conversationId, turn, answer, grounded, citations, unsupported, model, searchQuery, null);
    }
}
