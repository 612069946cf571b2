package dev.cited.conversation;

import dev.cited.citation.Citation;

import java.util.List;

/**
 * The answer contract shared by every face (HTTP API, web UI, Slack bot).
 *
 * @param conversationId the conversation this turn belongs to
 * @param turn           1-based number of this turn within the conversation (feedback refers to it)
 * @param answer         answer text with {@code [n]} markers
 * @param grounded       false when the documents do not answer the question
 * @param citations      one per marker, in marker order
 * @param model          the answerer that produced the text ("extractive", "openai:gpt-4o-mini", ...)
 * @param searchQuery    what was searched, after follow-up rewriting
 */
public record AskResult(String conversationId, int turn, String answer, boolean grounded,
                        List<Citation> citations, String model, String searchQuery) {
    public AskResult {
        citations = List.copyOf(citations);
    }

    /** The same answer as turn {@code number} of its conversation. */
    public AskResult withTurn(int number) {
        return new AskResult(conversationId, number, answer, grounded, citations, model, searchQuery);
    }
}
