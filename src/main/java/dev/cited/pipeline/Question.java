package dev.cited.pipeline;

import dev.cited.answer.HistoryTurn;

import java.util.List;
import java.util.Objects;

/**
 * A question with the conversation so far, as the caller has it: loaded from the store (web API, Slack) or sent
 * by the client ({@code messages} of an OpenAI request). The pipeline keeps nothing between questions.
 *
 * @param text    the question, already validated (non-blank, within {@link QuestionPipeline#MAX_QUESTION_LENGTH})
 * @param history earlier turns, oldest first
 */
public record Question(String text, List<HistoryTurn> history) {
    public Question {
        text = Objects.requireNonNull(text, "text").strip();
        history = List.copyOf(history);
    }

    /** A first question: no history. */
    public static Question of(String text) {
        return new Question(text, List.of());
    }
}
