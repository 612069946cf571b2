package dev.cited.conversation;

/** One question and the answer given, as remembered by a conversation. */
public record Turn(String question, String searchQuery, AskResult result) {

    Turn numbered(int number) {
        AskResult r = result;
        return new Turn(question, searchQuery, new AskResult(r.conversationId(), number, r.answer(), r.grounded(),
                r.citations(), r.model(), r.searchQuery()));
    }
}
