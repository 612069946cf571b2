package dev.cited.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.answer.Answer;
import dev.cited.answer.ModelException;
import dev.cited.http.ApiErrors;
import dev.cited.pipeline.GroundedAnswer;
import dev.cited.pipeline.QuestionPipeline;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The OpenAI-compatible face: {@code POST /v1/chat/completions} (one completion, or streamed chunks) and
 * {@code GET /v1/models}, over the same stateless pipeline as the other faces. The client keeps the conversation
 * and sends it back in {@code messages}; nothing is stored. Sign-in, rate limits and the error shape are the
 * server's (http.Authenticator, http.RateLimits, http.ApiErrors cover {@code /v1/}).
 */
public final class OpenAiRoutes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiRoutes.class);
    /** Under a minute (the usual proxy read timeout), with room to spare. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /** One registered endpoint; the OpenAPI test checks the description lists these. */
    public record Route(HandlerType method, String path, Handler handler) {
    }

    private final QuestionPipeline pipeline;
    private final ObjectMapper mapper;
    private final ModelCatalog models;
    private final ChatRequests requests;
    private final Duration heartbeat;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cited-openai-heartbeats");
        t.setDaemon(true);
        return t;
    });
    private final List<Route> routes;

    public OpenAiRoutes(QuestionPipeline pipeline, ObjectMapper mapper) {
        this(pipeline, mapper, HEARTBEAT);
    }

    OpenAiRoutes(QuestionPipeline pipeline, ObjectMapper mapper, Duration heartbeat) {
        this.pipeline = pipeline;
        this.mapper = mapper;
        this.models = new ModelCatalog(pipeline.modelName(), Instant.now());
        this.requests = new ChatRequests(mapper, models);
        this.heartbeat = heartbeat;
        this.routes = List.of(
                new Route(HandlerType.POST, "/v1/chat/completions", this::chat),
                new Route(HandlerType.GET, "/v1/models", ctx -> ctx.json(models.list())),
                new Route(HandlerType.GET, "/v1/models/{id}", this::model));
    }

    public List<Route> routes() {
        return routes;
    }

    public void register(RoutesConfig config) {
        for (Route route : routes) {
            config.addHttpHandler(route.method(), route.path(), route.handler());
        }
    }

    private void model(Context ctx) {
        String id = ctx.pathParam("id");
        if (!models.has(id)) {
            throw InvalidRequest.error(404, "model", "model_not_found", "The model '" + id
                    + "' does not exist: this server answers as " + models.ids());
        }
        ctx.json(models.model());
    }

    private void chat(Context ctx) throws IOException {
        ChatRequest request = requests.parse(ctx); // bad input is a plain JSON 4xx, before any event
        Completions completion = Completions.start();
        if (!request.stream()) {
            Answer answer = pipeline.answer(request.question()).answer(); // a model failure: ApiErrors' 502/504
            ctx.json(completion.completion(answer, usage(request, answer)));
            return;
        }
        try (CompletionStream stream = new CompletionStream(ctx, mapper)) {
            stream.data(completion.roleChunk());
            // The verified answer is known only at the end (verification changes a model's draft), so the client
            // hears heartbeats until then and the verified text after.
            stream.startHeartbeats(scheduler, heartbeat);
            GroundedAnswer result;
            try {
                result = pipeline.answer(request.question());
            } catch (ModelException e) {
                LOG.warn("Model failure while streaming: {}", e.getMessage());
                stream.stopHeartbeats();
                int status = e.isTimeout() ? 504 : 502;
                stream.data(ApiErrors.openAiBody(status, e.isTimeout() ? "model_timeout" : "model_error",
                        e.getMessage(), null, null));
                return;
            } catch (RuntimeException e) {
                LOG.error("Unexpected error while streaming", e);
                stream.stopHeartbeats();
                stream.data(ApiErrors.openAiBody(500, "internal_error",
                        "Something went wrong on the server. It has been logged.", null, null));
                return;
            }
            stream.stopHeartbeats();
            Answer answer = result.answer();
            for (String piece : TextChunks.split(Completions.content(answer))) {
                stream.queue(completion.textChunk(piece));
            }
            stream.queue(completion.finalChunk(answer));
            if (request.includeUsage()) {
                stream.queue(completion.usageChunk(usage(request, answer)));
            }
            stream.done();
        }
    }

    private static UsageEstimate usage(ChatRequest request, Answer answer) {
        return UsageEstimate.of(request.promptText(), Completions.content(answer));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
