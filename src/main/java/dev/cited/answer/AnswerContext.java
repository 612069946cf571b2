package dev.cited.answer;

import dev.cited.retrieval.Query;
import dev.cited.retrieval.ScoredPassage;

import java.util.List;

/**
 * Everything an answerer may use.
 *
 * @param question    as the user asked it
 * @param query       standalone form of the question (follow-ups rewritten) as analysed for retrieval
 * @param history     earlier turns, oldest first
 * @param passages    retrieved for this question, best first: the only places citations may point into
 */
public record AnswerContext(String question, Query query, List<HistoryTurn> history,
                            List<ScoredPassage> passages) {
    public AnswerContext {
        history = List.copyOf(history);
        passages = List.copyOf(passages);
    }

    /** What was retrieved with. */
    public String searchQuery() {
        return query.text();
    }
}
