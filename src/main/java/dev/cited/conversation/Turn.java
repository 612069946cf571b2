package dev.cited.conversation;

/** One question and the answer given, as remembered by a conversation. */
public record Turn(String question, String searchQuery, AskResult result) {

    Turn numbered(int number) {
        return new Turn(question, searchQuery, result.withTurn(number));
    }
}
