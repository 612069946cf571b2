package dev.cited.answer;

import dev.cited.citation.CitationAssembler;

import java.util.List;

/**
 * Renders earlier turns for a prompt. Their answers go without [n] markers: those numbered the passages of
 * an earlier prompt, not the ones sent now.
 */
public final class HistoryFormat {
    /** Only the latest turns: enough to resolve references, short enough for small models. */
    static final int MAX_TURNS = 6;

    private HistoryFormat() {
    }

    public static String of(List<HistoryTurn> history) {
        if (history.isEmpty()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        for (HistoryTurn turn : history.subList(Math.max(0, history.size() - MAX_TURNS), history.size())) {
            out.append("User: ").append(turn.question()).append('\n')
                    .append("Assistant: ").append(CitationAssembler.withoutMarkers(turn.answer())).append('\n');
        }
        return out.toString().strip();
    }
}
