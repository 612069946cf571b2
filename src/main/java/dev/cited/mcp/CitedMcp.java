package dev.cited.mcp;

import dev.cited.build.Version;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Cited as an MCP server: the tools {@code ask}, {@code search} and {@code get_document}, and the documents as
 * resources, over stdio ({@code cited mcp}) or Streamable HTTP (the servlet the web server mounts at /mcp).
 */
public final class CitedMcp implements AutoCloseable {
    /** How often the resources list is brought in step with the collection (a no-op when the index is unchanged). */
    private static final Duration RESOURCE_SYNC = Duration.ofSeconds(2);
    static final String INSTRUCTIONS = "Cited answers questions from a document collection with every claim cited to"
            + " an exact quote. Use ask for an answer with citations (pass conversation_id back for follow-ups),"
            + " search for the passages themselves, and get_document to read the text around a citation's offsets.";

    private final McpSyncServer server;
    private final HttpServletStreamableServerTransportProvider servlet;
    private final ScheduledExecutorService resourceSync;

    private CitedMcp(McpSyncServer server, HttpServletStreamableServerTransportProvider servlet,
                     DocumentResources resources) {
        this.server = server;
        this.servlet = servlet;
        this.resourceSync = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cited-mcp-resources");
            t.setDaemon(true);
            return t;
        });
        resourceSync.scheduleWithFixedDelay(() -> resources.sync(server), RESOURCE_SYNC.toMillis(),
                RESOURCE_SYNC.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Serves one client over {@code in} and {@code out}: newline-delimited JSON-RPC, nothing else on {@code out}. */
    public static CitedMcp stdio(McpSources sources, InputStream in, OutputStream out) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        DocumentResources resources = new DocumentResources(sources.index());
        McpSyncServer server = configure(McpServer.sync(new StdioServerTransportProvider(json, in, out)), sources,
                resources, json);
        return new CitedMcp(server, null, resources);
    }

    /**
     * The Streamable HTTP endpoint, as a servlet for the web server to mount at {@code path}.
     *
     * @param ownerOf who a request acts for (the signed-in user's id, null for nobody in particular): the web
     *                server's sign-in has already found it when the request reaches the servlet
     */
    public static CitedMcp http(McpSources sources, String path, Function<HttpServletRequest, String> ownerOf) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json).mcpEndpoint(path)
                .contextExtractor(request -> Caller.context(ownerOf.apply(request)))
                .build();
        DocumentResources resources = new DocumentResources(sources.index());
        McpSyncServer server = configure(McpServer.sync(transport), sources, resources, json);
        return new CitedMcp(server, transport, resources);
    }

    private static McpSyncServer configure(McpServer.SyncSpecification<?> spec, McpSources sources,
                                           DocumentResources resources, McpJsonMapper json) {
        return spec.serverInfo("cited", Version.version())
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                // the tools check their own arguments, to say what is wrong in their own words
                .validateToolInputs(false)
                .capabilities(ServerCapabilities.builder().tools(false).resources(false, true).build())
                .tools(new AskTool(sources.conversations()).specification(),
                        new SearchTool(sources.retriever(), sources.queries()).specification(),
                        new DocumentTool(sources.index()).specification())
                .resources(resources.initial())
                .resourceTemplates(resources.template())
                .build();
    }

    /** The Streamable HTTP servlet; null for stdio. */
    public HttpServlet servlet() {
        return servlet;
    }

    @Override
    public void close() {
        resourceSync.shutdownNow();
        server.closeGracefully();
    }
}
