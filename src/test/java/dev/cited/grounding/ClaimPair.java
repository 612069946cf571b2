package dev.cited.grounding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.document.Document;
import dev.cited.document.TitleExtractor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of the verifier's contract (src/test/resources/grounding/claim-pairs.jsonl): a claim, the
 * support offered for it, and whether it must pass ("paraphrase") or fail (a planted error of some kind).
 */
record ClaimPair(String id, String kind, boolean supported, String claim, String support, String documentId,
                 String note) {
    static final Path FILE = Path.of("src/test/resources/grounding/claim-pairs.jsonl");

    /** The pairs, and the documents they quote: the seeds by id, inline texts as "text-1", "text-2"… */
    record Set(List<ClaimPair> pairs, List<Document> documents) {
    }

    static Set read() {
        ObjectMapper json = new ObjectMapper();
        List<ClaimPair> pairs = new ArrayList<>();
        Map<String, Document> documents = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(FILE)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                String documentId;
                if (n.hasNonNull("document")) {
                    documentId = n.get("document").asText();
                    String id = documentId;
                    documents.computeIfAbsent(id, k -> seed(k));
                } else {
                    String text = n.get("text").asText();
                    Document existing = documents.values().stream().filter(d -> d.text().equals(text)).findFirst()
                            .orElse(null);
                    if (existing == null) {
                        String id = "text-" + (documents.size() + 1);
                        existing = new Document(id, TitleExtractor.titleOf(text, id), text);
                        documents.put(existing.id(), existing);
                    }
                    documentId = existing.id();
                }
                pairs.add(new ClaimPair(n.get("id").asText(), n.get("kind").asText(),
                        n.get("expect").asText().equals("supported"), n.get("claim").asText(),
                        n.get("support").asText(), documentId, n.path("note").asText("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Set(pairs, List.copyOf(documents.values()));
    }

    private static Document seed(String id) {
        try {
            String text = Files.readString(Path.of("seeds", id + ".txt"));
            return new Document(id, TitleExtractor.titleOf(text, id), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
