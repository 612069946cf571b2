package dev.cited.mcp;

import dev.cited.document.Document;
import dev.cited.index.PassageIndex;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents as MCP resources, {@code cited://documents/{id}} with the id percent-encoded (ids may hold "/").
 * The template reads any document the index holds; the list follows the collection as files come and go
 * ({@link #sync}), since the SDK lists only the resources registered with it.
 */
final class DocumentResources {
    static final String PREFIX = "cited://documents/";
    static final String MIME_TYPE = "text/plain";

    private final PassageIndex index;
    /** The resources registered with the server, by document id, as of index generation {@code listedGeneration}. */
    private final Map<String, Resource> listed = new ConcurrentHashMap<>();
    private volatile long listedGeneration = -1;

    DocumentResources(PassageIndex index) {
        this.index = index;
    }

    static String uri(String documentId) {
        return PREFIX + URLEncoder.encode(documentId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    SyncResourceTemplateSpecification template() {
        ResourceTemplate template = ResourceTemplate.builder().uriTemplate(PREFIX + "{id}").name("document")
                .title("A document of the collection")
                .description("The extracted text of a document; citation offsets (start, end) index into it. The id"
                        + " is percent-encoded (a/b is a%2Fb).")
                .mimeType(MIME_TYPE).build();
        return new SyncResourceTemplateSpecification(template, this::read);
    }

    /**
     * The documents the index holds now, to register as the server is built: listed from the start, without a
     * list-changed notification (which a client must not get before it has initialized).
     */
    synchronized List<SyncResourceSpecification> initial() {
        listedGeneration = index.generation();
        List<SyncResourceSpecification> specifications = new java.util.ArrayList<>();
        for (Document d : index.documents()) {
            Resource resource = resource(d);
            listed.put(d.id(), resource);
            specifications.add(new SyncResourceSpecification(resource, this::read));
        }
        return specifications;
    }

    /** Registers the documents the index holds now and unregisters those gone, when the index has changed. */
    synchronized void sync(McpSyncServer server) {
        long generation = index.generation();
        if (generation == listedGeneration) {
            return;
        }
        Map<String, Document> current = new java.util.LinkedHashMap<>();
        for (Document d : index.documents()) {
            current.put(d.id(), d);
        }
        for (String id : new HashSet<>(listed.keySet())) {
            if (!current.containsKey(id)) {
                server.removeResource(uri(id));
                listed.remove(id);
            }
        }
        for (Document d : current.values()) {
            Resource resource = resource(d);
            if (!resource.equals(listed.get(d.id()))) { // new, or changed (title, length)
                server.addResource(new SyncResourceSpecification(resource, this::read));
                listed.put(d.id(), resource);
            }
        }
        listedGeneration = generation;
    }

    private static Resource resource(Document d) {
        return Resource.builder().uri(uri(d.id())).name(d.id()).title(d.title()).mimeType(MIME_TYPE)
                .description(d.title() + " (" + d.type() + ", " + d.text().length() + " characters"
                        + (d.pages() > 0 ? ", " + d.pages() + " pages" : "") + ")")
                .size((long) d.text().getBytes(StandardCharsets.UTF_8).length).build();
    }

    private ReadResourceResult read(McpSyncServerExchange exchange, ReadResourceRequest request) {
        String uri = request.uri();
        String id = idOf(uri);
        Document document = id == null ? null : index.document(id).orElse(null);
        if (document == null) {
            throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                    .message("No document at " + uri + ": document URIs are " + PREFIX + "{id}, with the id"
                            + " percent-encoded").build();
        }
        return new ReadResourceResult(List.of(new TextResourceContents(uri, MIME_TYPE, document.text())));
    }

    /** The document id of a resource URI, or null when it is not one of ours or not decodable. */
    static String idOf(String uri) {
        if (uri == null || !uri.startsWith(PREFIX) || uri.length() == PREFIX.length()) {
            return null;
        }
        try {
            return URLDecoder.decode(uri.substring(PREFIX.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
