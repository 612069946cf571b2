package dev.cited.mcp;

import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resources list follows the documents folder as files come and go; ids with "/" are percent-encoded. */
class McpResourcesTest {
    private static final String TEXT = "The lighthouse on Skerry Point was automated in 1987. Its keeper moved to the"
            + " mainland the same year.";

    @TempDir
    Path dir;

    @Test
    void givenAFileAddedInASubfolderThenRemoved_whenResourcesAreListed_thenTheListFollows() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, docs.resolve(seed.getFileName()));
            }
        }
        CitedConfig config = CitedConfig.builder().port(0).seeds(docs).retrieval("bm25").watch(true)
                .rescanEvery(Duration.ofSeconds(1)).build();
        try (CitedServer server = CitedServer.start(config);
             McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                     .builder("http://localhost:" + server.port()).endpoint("/mcp").build())
                     .requestTimeout(Duration.ofSeconds(60)).build()) {
            client.initialize();
            assertEquals(2, uris(client).size());

            Path added = Files.createDirectories(docs.resolve("guide")).resolve("lighthouse.txt");
            Files.writeString(added, TEXT);
            String uri = "cited://documents/guide%2Flighthouse";
            Set<String> listed = awaitUris(client, uris -> uris.contains(uri));
            assertEquals(3, listed.size(), listed.toString());
            TextResourceContents read = (TextResourceContents) client.readResource(new ReadResourceRequest(uri))
                    .contents().get(0);
            assertEquals(TEXT, read.text());
            Map<String, Object> slice = McpChecks.success(McpChecks.call(client, "get_document",
                    Map.of("id", "guide/lighthouse", "start", 4, "end", 14)));
            assertEquals("lighthouse", slice.get("text"));

            Files.delete(added);
            assertEquals(2, awaitUris(client, uris -> !uris.contains(uri)).size());
        }
    }

    private static Set<String> uris(McpSyncClient client) {
        List<Resource> resources = client.listResources().resources();
        return resources.stream().map(Resource::uri).collect(Collectors.toSet());
    }

    /** Lists until {@code done} holds (the folder watcher and the list's refresh both take a moment). */
    private static Set<String> awaitUris(McpSyncClient client, Predicate<Set<String>> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Set<String> uris = uris(client);
        while (!done.test(uris) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            uris = uris(client);
        }
        assertTrue(done.test(uris), "the list did not follow the folder: " + uris);
        return uris;
    }
}
