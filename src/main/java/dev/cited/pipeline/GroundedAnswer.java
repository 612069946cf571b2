package dev.cited.pipeline;

import dev.cited.answer.Answer;

/**
 * What the pipeline made of one question.
 *
 * @param searchQuery the standalone query retrieved with (the question, or its rewrite when it was a follow-up)
 * @param answer      the answer text with its citations, or an abstention
 * @param model       the answerer that wrote it ("extractive", "openai:gpt-4o-mini", ...)
 */
public record GroundedAnswer(String searchQuery, Answer answer, String model) {
}
