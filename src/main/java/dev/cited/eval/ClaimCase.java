package dev.cited.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of a claim set (eval/claims.jsonl): a question and the answer a model writes for it, sentence by
 * sentence, each either true (with the evidence that supports it) or a planted error (with the sentence it
 * distorts).
 */
public record ClaimCase(String id, String question, List<Sentence> sentences) {

    /** How the model cites a sentence. */
    public enum Cite {
        /** the passage that holds the evidence */ RIGHT,
        /** another passage sent: the claim is true but cited with the wrong number */ WRONG,
        /** no marker at all */ NONE
    }

    /**
     * @param text     as the model writes it, without markers
     * @param planted  the kind of error planted ("number", "name", "invented", "negation", "antonym", "role"),
     *                 or null for a true claim
     * @param evidence for a true claim, exact substrings of {@code document} that support it
     * @param source   for a planted error, the exact text it distorts (the model cites the passage holding it)
     */
    public record Sentence(String text, String document, String planted, List<String> evidence, String source,
                           Cite cite) {
        public boolean isTrue() {
            return planted == null;
        }
    }

    public static boolean isClaimSet(Path file) {
        try {
            String first = Files.lines(file, StandardCharsets.UTF_8).filter(l -> !l.isBlank()).findFirst().orElse("");
            return new ObjectMapper().readTree(first).has("sentences");
        } catch (IOException e) {
            return false;
        }
    }

    public static List<ClaimCase> read(Path file) {
        return JsonLines.read(file, (n, lineNumber) -> {
            List<Sentence> sentences = new ArrayList<>();
            for (JsonNode s : n.path("sentences")) {
                String planted = s.hasNonNull("planted") ? s.get("planted").asText() : null;
                Cite cite = Cite.valueOf(s.path("cite").asText("right").toUpperCase(java.util.Locale.ROOT));
                sentences.add(new Sentence(s.path("text").asText(), s.path("document").asText(), planted,
                        EvalQuestion.strings(s.get("evidence")), s.hasNonNull("source") ? s.get("source").asText() : null,
                        cite));
            }
            if (!n.hasNonNull("question") || sentences.isEmpty()) {
                throw new IllegalArgumentException(file + " line " + lineNumber + " needs a question and sentences");
            }
            return new ClaimCase(n.path("id").asText("line-" + lineNumber), n.get("question").asText(),
                    List.copyOf(sentences));
        });
    }
}
