package dev.cited.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.conversation.ConversationService;
import dev.cited.feedback.FeedbackStore;
import dev.cited.collection.LiveCollection;
import dev.cited.collection.Uploads;
import dev.cited.retrieval.Retriever;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The HTTP face: the JSON API, its OpenAPI description, and the web UI's static files. */
public final class HttpApi {
    /** Applied to every response: the UI runs no inline script and nothing from elsewhere. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    /** Files in the web folder that are there for the build (npm), not for browsers. */
    private static final Pattern BUILD_FILES = Pattern.compile("(^|/)(node_modules(/|$)|package(-lock)?\\.json$)");

    /** Where pdf.js is served, and found on the classpath. */
    static final String PDFJS = "/vendor/pdfjs";

    /** One registered endpoint; the OpenAPI test checks the description lists exactly these. */
    public record Route(HandlerType method, String path, Handler handler) {
    }

    private final ObjectMapper mapper;
    private final List<Route> routes;
    private final Path webDir;
    private final long maxUploadBytes;

    public HttpApi(ConversationService conversations, LiveCollection collection, Uploads uploads, Retriever retriever,
                   FeedbackStore feedback, ObjectMapper mapper, Path webDir) {
        this.mapper = mapper;
        this.webDir = webDir;
        this.maxUploadBytes = collection.loader().limits().maxFileBytes();
        AskRoutes ask = new AskRoutes(conversations, mapper);
        CollectionListing listing = new CollectionListing(collection);
        DocumentRoutes documents = new DocumentRoutes(collection.index(), listing);
        CollectionRoutes changes = new CollectionRoutes(collection, uploads);
        SearchRoutes search = new SearchRoutes(retriever);
        FileRoutes fileRoutes = new FileRoutes(listing);
        FeedbackRoutes feedbackRoutes = new FeedbackRoutes(feedback, mapper);
        String openApi = openApiJson();
        this.routes = List.of(
                new Route(HandlerType.GET, "/health", ctx -> ctx.json(health(conversations, collection))),
                new Route(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi)),
                new Route(HandlerType.GET, "/api/documents", documents::documents),
                new Route(HandlerType.POST, "/api/documents", changes::add),
                new Route(HandlerType.DELETE, "/api/documents/<id>", changes::delete),
                new Route(HandlerType.GET, "/api/ingest", changes::ingest),
                // <id>: ids may hold "/"; the file itself first, so ".../original" is not read as part of an id
                new Route(HandlerType.GET, "/api/documents/<id>/original", documents::original),
                new Route(HandlerType.GET, "/api/documents/<id>", documents::document),
                new Route(HandlerType.GET, "/api/files", fileRoutes::files),
                new Route(HandlerType.GET, "/api/search", search::search),
                new Route(HandlerType.POST, "/api/ask", ask::ask),
                new Route(HandlerType.POST, "/api/ask/stream", ask::stream),
                new Route(HandlerType.POST, "/api/feedback", feedbackRoutes::create),
                new Route(HandlerType.GET, "/api/feedback", feedbackRoutes::list));
    }

    public List<Route> routes() {
        return routes;
    }

    /** Registers JSON mapping, limits, security headers, errors, the API routes and the static UI. */
    public void configure(JavalinConfig config) {
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.http.maxRequestSize = JsonBodies.MAX_BODY_BYTES;
        config.http.prefer405over404 = true;
        // Uploads go to disk, not memory. A file over the limit is refused with a 413 once received (Jetty's
        // own per-file limit would cut the connection mid-upload, and the browser would see no reason); a
        // request past the total is cut off, since reading it all would be the abuse.
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        config.jetty.multipartConfig.maxTotalRequestSize(Math.max(1L << 30, 2 * maxUploadBytes), SizeUnit.BYTES);
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(mapper)));
        config.routes.before(ctx -> {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        ApiErrors.register(config.routes);
        for (Route route : routes) {
            config.routes.addHttpHandler(route.method(), route.path(), route.handler());
        }
        if (Files.isDirectory(webDir)) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = webDir.toAbsolutePath().normalize().toString();
                files.location = Location.EXTERNAL;
                // The UI's files are UTF-8; say so rather than leave browsers to guess.
                files.mimeTypes.add("text/html; charset=utf-8", "html");
                files.mimeTypes.add("text/javascript; charset=utf-8", "js");
                files.mimeTypes.add("text/css; charset=utf-8", "css");
                // npm's files in web/ are the build's, not the UI's (pdf.js is served from the classpath, below)
                files.skipFileFunction = request -> BUILD_FILES.matcher(
                        URLDecoder.decode(request.getRequestURI(), StandardCharsets.UTF_8)).find();
            });
        }
        // pdf.js for the PDF page view, put on the classpath by the build (npm ci; see pom.xml)
        if (HttpApi.class.getResource(PDFJS + "/pdf.min.mjs") != null) {
            config.staticFiles.add(files -> {
                files.hostedPath = PDFJS;
                files.directory = PDFJS;
                files.location = Location.CLASSPATH;
                files.mimeTypes.add("text/javascript; charset=utf-8", "mjs");
            });
        }
    }

    private static Map<String, Object> health(ConversationService conversations, LiveCollection collection) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("documents", collection.index().documents().size());
        health.put("passages", collection.index().passageCount());
        health.put("model", conversations.modelName());
        health.put("ingest", collection.progress());
        return health;
    }

    private static String openApiJson() {
        try (InputStream in = HttpApi.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json missing from the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
