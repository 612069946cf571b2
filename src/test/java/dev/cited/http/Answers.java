package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks of the answer contract (issue 2, item 4) against the seed files as they are on disk. */
final class Answers {
    static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
    static final String QUESTION = "How many artillery shells has North Korea sent to Russia?";

    private Answers() {
    }

    /** Document id to its text: every seed file read as UTF-8, id = file name without extension. */
    static Map<String, String> seedTexts() {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md")).toList()) {
                String name = file.getFileName().toString();
                texts.put(name.substring(0, name.lastIndexOf('.')), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    static Set<Integer> markers(String answer) {
        Set<Integer> markers = new TreeSet<>();
        Matcher m = MARKER.matcher(answer);
        while (m.find()) {
            markers.add(Integer.parseInt(m.group(1)));
        }
        return markers;
    }

    /** Every field of the contract, each marker cited, each citation referenced, each quote exact. */
    static void assertValid(JsonNode result, Map<String, String> texts) {
        String shown = result.toString();
        for (String field : new String[]{"conversationId", "answer", "model", "searchQuery"}) {
            assertTrue(result.path(field).isTextual() && !result.path(field).asText().isBlank(), field + ": " + shown);
        }
        assertTrue(result.path("turn").isInt() && result.path("turn").asInt() >= 1, shown);
        assertTrue(result.path("grounded").isBoolean(), shown);
        assertTrue(result.path("citations").isArray(), shown);
        Set<Integer> cited = new TreeSet<>();
        for (JsonNode c : result.get("citations")) {
            int marker = c.path("marker").asInt();
            assertTrue(cited.add(marker), "duplicate marker " + marker + ": " + shown);
            String text = texts.get(c.path("documentId").asText());
            assertNotNull(text, "unknown document: " + c);
            int start = c.path("start").asInt(-1);
            int end = c.path("end").asInt(-1);
            assertTrue(start >= 0 && start < end && end <= text.length(), "offsets: " + c);
            assertEquals(text.substring(start, end), c.path("quote").asText(), "quote is not the document text: " + c);
            assertTrue(c.path("title").isTextual(), shown);
        }
        assertEquals(markers(result.get("answer").asText()), cited,
                "markers in the answer and citations differ: " + shown);
        if (result.get("grounded").asBoolean()) {
            assertFalse(cited.isEmpty(), "grounded without citations: " + shown);
        } else {
            assertTrue(cited.isEmpty(), "ungrounded with citations: " + shown);
        }
    }

    static void assertGrounded(JsonNode result, Map<String, String> texts) {
        assertValid(result, texts);
        assertTrue(result.get("grounded").asBoolean(), result.toString());
    }

    static void assertAbstains(JsonNode result, Map<String, String> texts) {
        assertValid(result, texts);
        assertFalse(result.get("grounded").asBoolean(), result.toString());
        assertEquals(0, result.get("citations").size(), result.toString());
        String answer = result.get("answer").asText().toLowerCase(java.util.Locale.ROOT).replace('’', '\'');
        assertTrue(answer.contains("documents don't") || answer.contains("documents do not"),
                "should say the documents don't cover it: " + answer);
    }
}
