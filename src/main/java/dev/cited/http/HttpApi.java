package dev.cited.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.access.Authentication;
import dev.cited.conversation.ConversationService;
import dev.cited.conversation.ConversationStore;
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
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final Authenticator authenticator;
    private final HealthRoutes health;
    private final AccessLog accessLog;
    private final OpenStreams streams = new OpenStreams();

    /** With metrics of its own (a test's server); the real server passes its registry. */
    public HttpApi(ConversationService conversations, LiveCollection collection, Uploads uploads, Retriever retriever,
                   FeedbackStore feedback, ConversationStore history, Authentication auth, ObjectMapper mapper,
                   Path webDir) {
        this(conversations, collection, uploads, retriever, feedback, history, auth, mapper, webDir,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** @param metrics served at /metrics; request counts and latencies are added to it */
    public HttpApi(ConversationService conversations, LiveCollection collection, Uploads uploads, Retriever retriever,
                   FeedbackStore feedback, ConversationStore history, Authentication auth, ObjectMapper mapper,
                   Path webDir, PrometheusMeterRegistry metrics) {
        this.mapper = mapper;
        this.authenticator = new Authenticator(auth);
        SessionRoutes session = new SessionRoutes(auth, authenticator, mapper);
        ConversationRoutes conversationRoutes = new ConversationRoutes(history);
        this.webDir = webDir;
        this.maxUploadBytes = collection.loader().limits().maxFileBytes();
        AskRoutes ask = new AskRoutes(conversations, mapper, streams);
        CollectionListing listing = new CollectionListing(collection);
        DocumentRoutes documents = new DocumentRoutes(collection.index(), listing);
        CollectionRoutes changes = new CollectionRoutes(collection, uploads);
        SearchRoutes search = new SearchRoutes(retriever);
        FileRoutes fileRoutes = new FileRoutes(listing);
        FeedbackRoutes feedbackRoutes = new FeedbackRoutes(feedback, conversations, mapper);
        this.health = new HealthRoutes(conversations, collection);
        this.accessLog = new AccessLog(new RequestMetrics(metrics));
        MetricsRoute metricsRoute = new MetricsRoute(metrics);
        String openApi = openApiJson();
        this.routes = List.of(
                new Route(HandlerType.GET, "/health", health::health),
                new Route(HandlerType.GET, "/health/live", health::live),
                new Route(HandlerType.GET, "/health/ready", health::ready),
                new Route(HandlerType.GET, "/metrics", ctx -> {
                    Access.requireAdmin(ctx, "read the metrics"); // with keys on, a Prometheus scraper sends one
                    metricsRoute.scrape(ctx);
                }),
                new Route(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi)),
                new Route(HandlerType.GET, SessionRoutes.PATH, session::current),
                new Route(HandlerType.POST, SessionRoutes.PATH, session::signIn),
                new Route(HandlerType.DELETE, SessionRoutes.PATH, session::signOut),
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
                new Route(HandlerType.GET, "/api/conversations", conversationRoutes::list),
                new Route(HandlerType.GET, "/api/conversations/<id>", conversationRoutes::read),
                new Route(HandlerType.POST, "/api/feedback", feedbackRoutes::create),
                new Route(HandlerType.GET, "/api/feedback", feedbackRoutes::list));
    }

    public List<Route> routes() {
        return routes;
    }

    /** The server is shutting down: /health/ready answers 503 from now on. */
    public void stopping() {
        health.stopping();
    }

    /**
     * The grace period is about to run out: the answer streams still open end now with an {@code error} event
     * ({@code stopping}), so no client is left with a stream cut without a word. Returns how many there were.
     */
    public int endOpenStreams() {
        return streams.endAll();
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
        config.requestLogger.http(accessLog);
        config.routes.before(ctx -> {
            RequestIds.assign(ctx);
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        ApiErrors.register(config.routes);
        config.routes.before(authenticator::handle);
        for (Route route : routes) {
            config.routes.addHttpHandler(route.method(), route.path(), route.handler());
        }
        ApiDocs.register(config); // Swagger UI at /docs, over /openapi.json
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
