package dev.cited.pipeline;

import dev.cited.answer.HistoryTurn;

import java.util.List;

/** Turns a follow-up question into a standalone search query using the conversation so far. */
public interface QueryRewriter {

    /** Returns {@code question} itself when there is no history or nothing needs resolving. */
    String rewrite(String question, List<HistoryTurn> history);
}
