package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.document.SampleFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The collection changed through the real app: files uploaded as a browser sends them, answered from at
 * once, deleted; a file written into the watched folder answered within seconds; bad uploads refused whole.
 */
class CollectionHttpTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    static Path folder;
    private static CitedServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(folder.resolve("harbour.md"), "# Harbour\n\nThe harbour counted 412 tankers in March.");
        server = CitedServer.start(CitedConfig.builder().port(0).seeds(folder).retrieval("bm25").maxFileMegabytes(1)
                .watch(true).build());
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenFilesUploaded_whenAsked_thenTheyAreAnsweredFromAndCanBeDeleted() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("cranes.md", "# Crane log\n\nCrane 7 was repaired by the night shift in October.".getBytes(StandardCharsets.UTF_8));
        Path memoFile = Files.createTempFile("memo", ".docx");
        SampleFiles.wordMemo(memoFile, "Dredging memo", "Dredging of the eastern channel finished in May.");
        files.put("dredging.docx", Files.readAllBytes(memoFile));
        Files.delete(memoFile);
        files.put("broken.pdf", new byte[]{'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 1, 2});

        JsonNode added = ApiClient.json(api.upload("/api/documents", "files", files)).get("files");

        assertEquals("indexed", added.get(0).get("status").asText(), added.toString());
        assertEquals("cranes", added.get(0).get("documentId").asText());
        assertEquals("Crane log", added.get(0).get("title").asText());
        assertEquals("indexed", added.get(1).get("status").asText(), added.toString());
        assertEquals("failed", added.get(2).get("status").asText());
        assertTrue(added.get(2).get("reason").asText().startsWith("could not be parsed"), added.toString());
        assertFalse(Files.exists(folder.resolve("broken.pdf")), "not kept");

        JsonNode answer = api.ask("Who repaired crane 7?", null);
        assertTrue(answer.get("grounded").asBoolean(), answer.toString());
        JsonNode citation = answer.get("citations").get(0);
        assertEquals("cranes", citation.get("documentId").asText());
        String text = ApiClient.json(api.get("/api/documents/cranes")).get("text").asText();
        assertEquals(text.substring(citation.get("start").asInt(), citation.get("end").asInt()), citation.get("quote").asText());
        assertTrue(api.ask("When did dredging of the eastern channel finish?", null).get("answer").asText().contains("May"));

        assertEquals("cranes", ApiClient.json(api.method("DELETE", "/api/documents/cranes", null)).get("deleted").asText());
        ApiClient.assertError(api.get("/api/documents/cranes"), 404, "document_not_found");
        assertFalse(api.ask("Who repaired crane 7?", null).get("grounded").asBoolean(), "no longer answered from");
        ApiClient.assertError(api.method("DELETE", "/api/documents/cranes", null), 404, "document_not_found");
        assertEquals(200, api.method("DELETE", "/api/documents/dredging", null).statusCode());
        try (var trash = Files.list(folder.resolve(".cited-deleted"))) {
            assertEquals(2, trash.count(), "deleted files are kept aside, not lost");
        }
    }

    @Test
    void givenAFileWrittenIntoTheFolder_whenAskedSecondsLater_thenItIsAnswered() throws Exception {
        Files.writeString(folder.resolve("pilots.txt"), "The pilot boats were repainted blue in April.");
        long deadline = System.nanoTime() + WITHIN.toNanos();
        JsonNode answer;
        do {
            Thread.sleep(100);
            answer = api.ask("What colour were the pilot boats repainted?", null);
        } while (!answer.get("grounded").asBoolean() && System.nanoTime() < deadline);
        assertTrue(answer.get("grounded").asBoolean(), "answered within " + WITHIN.toSeconds() + " s: " + answer);
        assertEquals("pilots", answer.get("citations").get(0).get("documentId").asText());
        JsonNode ingest = ApiClient.json(api.get("/api/ingest"));
        assertEquals("ready", ingest.get("state").asText(), ingest.toString());
        assertFalse(ingest.get("vectors").asBoolean(), "BM25 only here");
        assertEquals(ingest, ApiClient.json(api.get("/health")).get("ingest"));
    }

    @Test
    void givenAFileWithoutAnExtension_whenUploaded_thenItIsReadByItsContentAsTheFolderWouldReadIt() throws Exception {
        JsonNode added = ApiClient.json(api.upload("/api/documents", "files", Map.of("MOORING-NOTES",
                "Mooring notes\n\nBerth 4 was closed for dredging in June.".getBytes(StandardCharsets.UTF_8)))).get("files");
        assertEquals("indexed", added.get(0).get("status").asText(), added.toString());
        assertEquals("MOORING-NOTES", added.get(0).get("documentId").asText());
        JsonNode answer = api.ask("Why was berth 4 closed?", null);
        assertTrue(answer.get("grounded").asBoolean(), answer.toString());
        assertEquals("MOORING-NOTES", answer.get("citations").get(0).get("documentId").asText());
        ApiClient.assertError(api.upload("/api/documents", "files", Map.of("blob",
                new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13})), 415, "unsupported_type");
        assertFalse(Files.exists(folder.resolve("blob")), "an image without an extension is refused, not stored");
    }

    @Test
    void givenBadUploads_whenSent_thenEachIsRefusedInPlainWordsAndNothingIsStored() throws Exception {
        ApiClient.assertError(api.post("/api/documents", "{\"files\":[]}"), 415, "unsupported_media_type");
        ApiClient.assertError(api.upload("/api/documents", "files", Map.of("ok.txt", "Fine.".getBytes(StandardCharsets.UTF_8),
                "tune.mp3", "ID3".getBytes(StandardCharsets.UTF_8))), 415, "unsupported_type");
        assertFalse(Files.exists(folder.resolve("ok.txt")), "a refused request stores nothing");
        ApiClient.assertError(api.upload("/api/documents", "files", Map.of("big.txt", new byte[(1 << 20) + 10])),
                413, "too_large");
        ApiClient.assertError(api.upload("/api/documents", "other", Map.of()), 400, "bad_request");
        ApiClient.assertError(api.upload("/api/documents", "files", Map.of(".env", "x".getBytes(StandardCharsets.UTF_8))),
                400, "bad_request");
        try (var listing = Files.list(folder)) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().startsWith(".cited-upload")), "no leftovers");
        }
    }
}
