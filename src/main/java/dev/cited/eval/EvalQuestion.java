package dev.cited.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a question set (format in ../shared/README.md). When {@code then} is set, the expectations
 * apply to that follow-up, asked after {@code question} in the same conversation.
 *
 * @param page for a paginated document (PDF), the 1-based page the evidence is on (the optional
 *             {@code "page"} of the line; a question's evidence is on one page); null when not checked
 */
public record EvalQuestion(String id, String question, String then, List<String> answerAny, String document,
                           List<String> evidence, boolean unanswerable, Integer page) {

    public boolean isFollowUp() {
        return then != null;
    }

    /** Just the questions of every set, in order: what a benchmark asks. */
    public static List<String> texts(List<Path> sets) {
        return sets.stream().flatMap(set -> read(set).stream()).map(EvalQuestion::question).toList();
    }

    public static List<EvalQuestion> read(Path file) {
        return JsonLines.read(file, (node, lineNumber) -> {
            if (!node.hasNonNull("question")) {
                throw new IllegalArgumentException(file + " line " + lineNumber + " has no question");
            }
            JsonNode page = node.get("page");
            if (page != null && !page.isNull() && (!page.canConvertToInt() || !page.isIntegralNumber()
                    || page.asInt() < 1)) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ": page must be a number from 1");
            }
            return new EvalQuestion(
                    node.path("id").asText("line-" + lineNumber),
                    node.get("question").asText(),
                    node.hasNonNull("then") ? node.get("then").asText() : null,
                    strings(node.get("answer_any")),
                    node.hasNonNull("document") ? node.get("document").asText() : null,
                    strings(node.get("evidence")),
                    node.path("unanswerable").asBoolean(false),
                    page == null || page.isNull() ? null : page.asInt());
        });
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
