package dev.cited.answer;

/** An earlier question and answer of the same conversation. */
public record HistoryTurn(String question, String answer) {
}
