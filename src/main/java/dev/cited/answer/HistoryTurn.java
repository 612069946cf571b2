package dev.cited.answer;

/**
 * An earlier question and answer of the same conversation.
 *
 * @param searchQuery what that question searched for, after its own rewrite; the question itself when a client
 *                    sends the history without it (an OpenAI {@code messages} array)
 */
public record HistoryTurn(String question, String searchQuery, String answer) {
    public HistoryTurn {
        searchQuery = searchQuery == null ? question : searchQuery;
    }

    /** A turn whose search query is not known: it searched for the question as asked. */
    public HistoryTurn(String question, String answer) {
        this(question, null, answer);
    }
}
