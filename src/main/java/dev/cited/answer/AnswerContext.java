package dev.cited.answer;

import dev.cited.retrieval.ScoredPassage;

import java.util.List;

/**
 * Everything an answerer may use.
 *
 * @param question    as the user asked it
 * @param searchQuery standalone form of the question (follow-ups rewritten), what was retrieved with
 * @param history     earlier turns, oldest first
 * @param passages    retrieved for this question, best first: the only places citations may point into
 */
public record AnswerContext(String question, String searchQuery, List<HistoryTurn> history,
                            List<ScoredPassage> passages) {
    public AnswerContext {
        history = List.copyOf(history);
        passages = List.copyOf(passages);
    }
}
