package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.support.NestedSeeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.cited.support.NestedSeeds.NESTED_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A documents folder with subfolders, served by the real app: ids carry the path, and every face can use them. */
class NestedFolderHttpTest {
    @TempDir
    static Path folder;
    private static CitedServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws IOException {
        NestedSeeds.layOut(folder);
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
    void givenANestedFile_whenListed_thenItsIdIsItsPathWithoutExtension() {
        List<String> ids = new ArrayList<>();
        ApiClient.json(api.get("/api/documents")).forEach(d -> ids.add(d.get("id").asText()));
        assertEquals(List.of(NestedSeeds.TOP_ID, NESTED_ID), ids);
    }

    @Test
    void givenANestedId_whenFetchedWithItsSlashes_thenTheFileTextExactly() throws IOException {
        HttpResponse<String> response = api.get("/api/documents/" + NESTED_ID);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode doc = ApiClient.json(response);
        assertEquals(NESTED_ID, doc.get("id").asText());
        assertEquals(Files.readString(folder.resolve(NESTED_ID + ".txt"), StandardCharsets.UTF_8), doc.get("text").asText());
        ApiClient.assertError(api.get("/api/documents/news/korea"), 404, "document_not_found");
        ApiClient.assertError(api.get("/api/documents/news/korea/nothing"), 404, "document_not_found");
    }

    @Test
    void givenAQuestionAnsweredFromTheNestedFile_whenAsked_thenItsCitationQuotesItExactly() {
        JsonNode result = api.ask("How many artillery shells has North Korea sent to Russia?", null);
        assertTrue(result.get("grounded").asBoolean(), result.toString());
        JsonNode citation = result.get("citations").get(0);
        assertEquals(NESTED_ID, citation.get("documentId").asText());
        String text = ApiClient.json(api.get("/api/documents/" + NESTED_ID)).get("text").asText();
        assertEquals(text.substring(citation.get("start").asInt(), citation.get("end").asInt()),
                citation.get("quote").asText());
    }

    @Test
    void givenADotDotInsideANestedId_whenFetched_thenNothingOutsideTheFolderIsRead() {
        for (String path : List.of("/api/documents/news/../../pom", "/api/documents/news/%2e%2e/%2e%2e/pom",
                "/api/documents/news/korea/..%2F..%2F..%2Fpom")) {
            HttpResponse<String> response = api.get(path);
            assertTrue(response.statusCode() == 404 || response.statusCode() == 400, path + " -> " + response.statusCode());
            assertFalse(response.body().contains("<project"), path);
        }
    }
}
