package dev.cited.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a question set (format in ../shared/README.md). When {@code then} is set, the expectations
 * apply to that follow-up, asked after {@code question} in the same conversation.
 */
public record EvalQuestion(String id, String question, String then, List<String> answerAny, String document,
                           List<String> evidence, boolean unanswerable) {

    public boolean isFollowUp() {
        return then != null;
    }

    public static List<EvalQuestion> read(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        List<EvalQuestion> questions = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                if (!node.hasNonNull("question")) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + " has no question");
                }
                questions.add(new EvalQuestion(
                        node.path("id").asText("line-" + lineNumber),
                        node.get("question").asText(),
                        node.hasNonNull("then") ? node.get("then").asText() : null,
                        strings(node.get("answer_any")),
                        node.hasNonNull("document") ? node.get("document").asText() : null,
                        strings(node.get("evidence")),
                        node.path("unanswerable").asBoolean(false)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read question set " + file, e);
        }
        return questions;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
