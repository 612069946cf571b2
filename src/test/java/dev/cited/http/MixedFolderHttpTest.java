package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.document.SampleFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder of mixed real-world files served by the real app: every file is accounted for at /api/files, a
 * Word file is answered from with exact quotes into its extracted text, and a PDF's citations carry pages
 * that /api/documents/{id}/original opens.
 */
class MixedFolderHttpTest {
    @TempDir
    static Path folder;
    private static CitedServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws IOException {
        SampleFiles.wordMemo(folder.resolve("memo.docx"), "Harbour memo",
                "The harbour authority counted 412 tankers in March.", "Dredging of the eastern channel finished in May.");
        Files.writeString(folder.resolve("notes.md"), "# Harbour notes\n\nThe **pilot boats** were repainted blue.");
        Files.write(folder.resolve("broken.pdf"), new byte[]{'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 1, 2, 3});
        SampleFiles.audio(folder.resolve("tune.mp3"));
        if (Files.exists(SampleFiles.PAPER)) {
            Files.copy(SampleFiles.PAPER, folder.resolve("paper.pdf"));
        }
        server = CitedServer.start(CitedConfig.builder().port(0).seeds(folder).retrieval("bm25").build());
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenAMixedFolder_whenFilesAreListed_thenEveryFileIsAccountedForWithAReason() {
        JsonNode list = ApiClient.json(api.get("/api/files"));
        Map<String, JsonNode> byPath = new HashMap<>();
        list.get("files").forEach(f -> byPath.put(f.get("path").asText(), f));
        assertEquals("indexed", byPath.get("memo.docx").get("status").asText());
        assertEquals("memo", byPath.get("memo.docx").get("documentId").asText());
        assertTrue(byPath.get("memo.docx").get("passages").asInt() >= 1);
        assertEquals("failed", byPath.get("broken.pdf").get("status").asText());
        assertTrue(byPath.get("broken.pdf").get("reason").asText().startsWith("could not be parsed"));
        assertEquals("skipped", byPath.get("tune.mp3").get("status").asText());
        assertEquals("unsupported type audio/mpeg", byPath.get("tune.mp3").get("reason").asText());
        assertEquals(1, list.get("counts").get("failed").asInt());
        assertEquals(byPath.size(), list.get("counts").get("indexed").asInt() + list.get("counts").get("skipped").asInt()
                + list.get("counts").get("failed").asInt());
    }

    @Test
    void givenAWordFile_whenAsked_thenTheAnswerQuotesItsExtractedTextExactly() {
        JsonNode answer = ApiClient.json(api.post("/api/ask", "{\"question\":\"How many tankers did the harbour authority count?\"}"));
        assertTrue(answer.get("grounded").asBoolean(), answer.toString());
        JsonNode citation = answer.get("citations").get(0);
        assertEquals("memo", citation.get("documentId").asText());
        assertEquals("Harbour memo", citation.get("title").asText());
        String text = ApiClient.json(api.get("/api/documents/memo")).get("text").asText();
        assertEquals(text.substring(citation.get("start").asInt(), citation.get("end").asInt()), citation.get("quote").asText());
        assertTrue(citation.path("page").isMissingNode(), "a Word file has no pages");
        JsonNode notes = ApiClient.json(api.get("/api/documents/notes"));
        assertEquals("Harbour notes", notes.get("title").asText());
        assertEquals("text/markdown", notes.get("type").asText());
        assertTrue(!notes.get("text").asText().contains("**"), "Markdown is served as what a reader sees");
    }

    @Test
    void givenAPdf_whenAsked_thenTheCitationCarriesItsPageAndTheOriginalIsServed() throws IOException {
        Assumptions.assumeTrue(Files.exists(SampleFiles.PAPER), "the sample PDFs live in ../shared beside the checkout");
        JsonNode answer = ApiClient.json(api.post("/api/ask", "{\"question\":\"What does every compiled trace contain?\"}"));
        JsonNode citation = answer.get("citations").get(0);
        assertEquals("paper", citation.get("documentId").asText());
        assertEquals(2, citation.get("page").asInt(), answer.toString());
        JsonNode paper = ApiClient.json(api.get("/api/documents/paper"));
        assertEquals(14, paper.get("pages").asInt());
        assertEquals(14, paper.get("pageStarts").size());
        int start = citation.get("start").asInt();
        assertTrue(paper.get("pageStarts").get(1).asInt() <= start && start < paper.get("pageStarts").get(2).asInt());

        HttpResponse<String> original = api.get("/api/documents/paper/original");
        assertEquals(200, original.statusCode());
        assertEquals("application/pdf", original.headers().firstValue("Content-Type").orElse(""));
        assertTrue(original.body().startsWith("%PDF"));
        assertEquals(Files.size(SampleFiles.PAPER), original.headers().firstValueAsLong("Content-Length").orElse(Files.size(SampleFiles.PAPER)));
        ApiClient.assertError(api.get("/api/documents/nothing/original"), 404, "document_not_found");
    }
}
