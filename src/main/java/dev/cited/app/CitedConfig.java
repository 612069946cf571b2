package dev.cited.app;

import dev.cited.document.LoadLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything configurable, with the embedded defaults. Environment variables fill it first, flags override.
 *
 * @param dataDir    where to keep the index on disk; null keeps it in memory
 * @param retrieval  "hybrid" (BM25 + dense, fused), "bm25" or "dense"
 * @param embedding  the in-process embedding model: "bge-small" or "minilm"
 * @param vectors    how passage vectors are kept in the index: "float32" or "int8" (quantized)
 * @param publicUrl  the address users reach the web UI at (links from Slack); null when unknown
 * @param grounding  what happens to a model's statement nothing retrieved supports: "strict" (removed) or
 *                   "flag" (kept, marked)
 * @param limits     what one file may cost to read (size, text length, parse time)
 * @param watch      keep watching the documents folder: changes are indexed while the server runs
 * @param rescanEvery how often a watched folder is rescanned in full, for changes the file system missed
 * @param vectorsInBackground start answering with BM25 as soon as the text is indexed, while vectors are built
 *                   (the server); false waits for every vector before answering (ask, eval, tests)
 * @param databaseUrl where conversations, feedback and Slack request keys are kept (jdbc:sqlite:FILE or
 *                   jdbc:postgresql://…); null keeps them in memory (tests, one-shot commands)
 * @param auth       "off" (one local user; the server listens on loopback only) or "keys" (API keys, sessions)
 * @param host       the address to listen on; null: 127.0.0.1 with authentication off, every address with it on
 * @param shutdownGrace how long a stopping server lets answers, streams and Slack work in flight finish
 * @param rateAskPerMinute questions one client may ask a minute (429 past it); 0: no limit
 * @param rateOtherPerMinute other /api/ requests one client may make a minute; 0: no limit
 * @param maxConnectionsPerAddress connections one remote address may hold open at once; 0: no limit
 * @param minRequestBytesPerSecond slowest a request body may arrive (after a few seconds' grace); 0: no minimum
 * @param idleTimeout a connection with nothing sent or received for this long is closed
 */
public record CitedConfig(int port, Path seeds, Path webDir, Path promptsDir, Path dataDir, String model,
                          Duration modelTimeout, String retrieval, String embedding, String slackSigningSecret,
                          String slackBotToken, String slackApiUrl, String publicUrl, String grounding,
                          LoadLimits limits, boolean watch, Duration rescanEvery, boolean vectorsInBackground,
                          String vectors, String databaseUrl, String auth, String host,
                          Duration shutdownGrace, int rateAskPerMinute, int rateOtherPerMinute,
                          int maxConnectionsPerAddress, long minRequestBytesPerSecond, Duration idleTimeout) {

    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";

    /** The embedded defaults: port 7070, ./seeds, ./web, ./prompts, in-memory index, the extractive answerer. */
    public static CitedConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * This configuration with its state kept on disk when nothing else was asked for: the server's default, a
     * SQLite file in the data folder ({@code --data}, else {@code ./data}).
     */
    public CitedConfig withDurableState() {
        if (databaseUrl != null) {
            return this;
        }
        return toBuilder().databaseUrl(dev.cited.storage.Database.sqliteUrl(dataDir != null ? dataDir : Path.of("data")))
                .build();
    }

    /** Whether requests must be signed in with an API key (CITED_AUTH=keys). */
    public boolean authRequired() {
        return dev.cited.access.Authentication.parseRequired(auth);
    }

    /** The address to listen on: loopback unless someone must sign in, or --host says otherwise. */
    public String listenHost() {
        if (host != null && !host.isBlank()) {
            return host.strip();
        }
        return authRequired() ? "0.0.0.0" : "127.0.0.1";
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.seeds = seeds;
        b.webDir = webDir;
        b.promptsDir = promptsDir;
        b.dataDir = dataDir;
        b.model = model;
        b.modelTimeout = modelTimeout;
        b.retrieval = retrieval;
        b.embedding = embedding;
        b.slackSigningSecret = slackSigningSecret;
        b.slackBotToken = slackBotToken;
        b.slackApiUrl = slackApiUrl;
        b.publicUrl = publicUrl;
        b.grounding = grounding;
        b.limits = limits;
        b.watch = watch;
        b.rescanEvery = rescanEvery;
        b.vectorsInBackground = vectorsInBackground;
        b.vectors = vectors;
        b.databaseUrl = databaseUrl;
        b.auth = auth;
        b.host = host;
        b.shutdownGrace = shutdownGrace;
        b.rateAskPerMinute = rateAskPerMinute;
        b.rateOtherPerMinute = rateOtherPerMinute;
        b.maxConnectionsPerAddress = maxConnectionsPerAddress;
        b.minRequestBytesPerSecond = minRequestBytesPerSecond;
        b.idleTimeout = idleTimeout;
        return b;
    }

    /** Defaults overridden by the CITED_* and SLACK_* variables present in {@code env}. */
    public static CitedConfig fromEnvironment(Map<String, String> env) {
        Builder b = builder();
        value(env, "CITED_PORT", v -> b.port(Integer.parseInt(v)));
        value(env, "CITED_SEEDS", v -> b.seeds(Path.of(v)));
        value(env, "CITED_WEB", v -> b.webDir(Path.of(v)));
        value(env, "CITED_PROMPTS", v -> b.promptsDir(Path.of(v)));
        value(env, "CITED_DATA", v -> b.dataDir(Path.of(v)));
        value(env, "CITED_MODEL", b::model);
        value(env, "CITED_MODEL_TIMEOUT", v -> b.modelTimeout(Duration.ofSeconds(Long.parseLong(v))));
        value(env, "CITED_RETRIEVAL", b::retrieval);
        value(env, "CITED_EMBEDDING", b::embedding);
        value(env, "CITED_VECTORS", b::vectors);
        value(env, "CITED_DATABASE_URL", b::databaseUrl);
        value(env, "CITED_AUTH", b::auth);
        value(env, "CITED_HOST", b::host);
        value(env, "SLACK_SIGNING_SECRET", b::slackSigningSecret);
        value(env, "SLACK_BOT_TOKEN", b::slackBotToken);
        value(env, "SLACK_API_URL", b::slackApiUrl);
        value(env, "CITED_PUBLIC_URL", b::publicUrl);
        value(env, "CITED_GROUNDING", b::grounding);
        value(env, "CITED_MAX_FILE_MB", v -> b.maxFileMegabytes(Long.parseLong(v)));
        value(env, "CITED_PARSE_TIMEOUT", v -> b.parseTimeout(Duration.ofSeconds(Long.parseLong(v))));
        value(env, "CITED_RESCAN", v -> b.rescanEvery(Duration.ofSeconds(Long.parseLong(v))));
        value(env, "CITED_SHUTDOWN_GRACE", v -> b.shutdownGrace(Duration.ofSeconds(Long.parseLong(v))));
        value(env, "CITED_RATE_ASK", v -> b.rateAskPerMinute(Integer.parseInt(v)));
        value(env, "CITED_RATE_OTHER", v -> b.rateOtherPerMinute(Integer.parseInt(v)));
        value(env, "CITED_MAX_CONNECTIONS_PER_ADDRESS", v -> b.maxConnectionsPerAddress(Integer.parseInt(v)));
        value(env, "CITED_MIN_REQUEST_RATE", v -> b.minRequestBytesPerSecond(Long.parseLong(v)));
        value(env, "CITED_IDLE_TIMEOUT", v -> b.idleTimeout(Duration.ofSeconds(Long.parseLong(v))));
        return b.build();
    }

    private static void value(Map<String, String> env, String key, java.util.function.Consumer<String> setter) {
        String v = env.get(key);
        if (v != null && !v.isBlank()) {
            setter.accept(v.trim());
        }
    }

    public static final class Builder {
        private int port = DEFAULT_PORT;
        private Path seeds = Path.of("seeds");
        private Path webDir = Path.of("web");
        private Path promptsDir = Path.of("prompts");
        private Path dataDir;
        private String model = "extractive";
        private Duration modelTimeout = Duration.ofSeconds(60);
        private String retrieval = "hybrid";
        private String embedding = "bge-small";
        private String slackSigningSecret;
        private String slackBotToken;
        private String slackApiUrl = DEFAULT_SLACK_API_URL;
        private String publicUrl;
        private String grounding = "strict";
        private LoadLimits limits = LoadLimits.DEFAULT;
        private boolean watch;
        private Duration rescanEvery = Duration.ofSeconds(30);
        private boolean vectorsInBackground;
        private String vectors = "float32";
        private String databaseUrl;
        private String auth = "off";
        private String host;
        private Duration shutdownGrace = Duration.ofSeconds(20);
        private int rateAskPerMinute = 60;
        private int rateOtherPerMinute = 600;
        private int maxConnectionsPerAddress = 32;
        private long minRequestBytesPerSecond = 1024;
        private Duration idleTimeout = Duration.ofSeconds(30);

        public Builder port(int port) { this.port = port; return this; }
        public Builder seeds(Path seeds) { this.seeds = seeds; return this; }
        public Builder webDir(Path webDir) { this.webDir = webDir; return this; }
        public Builder promptsDir(Path promptsDir) { this.promptsDir = promptsDir; return this; }
        public Builder dataDir(Path dataDir) { this.dataDir = dataDir; return this; }
        public Builder model(String model) { this.model = model; return this; }
        public Builder modelTimeout(Duration modelTimeout) { this.modelTimeout = modelTimeout; return this; }
        public Builder retrieval(String retrieval) { this.retrieval = retrieval; return this; }
        public Builder embedding(String embedding) { this.embedding = embedding; return this; }
        public Builder slackSigningSecret(String secret) { this.slackSigningSecret = secret; return this; }
        public Builder slackBotToken(String token) { this.slackBotToken = token; return this; }
        public Builder slackApiUrl(String url) { this.slackApiUrl = url; return this; }
        public Builder publicUrl(String url) { this.publicUrl = url; return this; }
        public Builder grounding(String mode) { this.grounding = mode; return this; }
        public Builder maxFileMegabytes(long mb) {
            this.limits = new LoadLimits(mb << 20, limits.maxChars(), limits.parseTimeout());
            return this;
        }
        public Builder parseTimeout(Duration timeout) {
            this.limits = new LoadLimits(limits.maxFileBytes(), limits.maxChars(), timeout);
            return this;
        }
        public Builder limits(LoadLimits limits) { this.limits = limits; return this; }
        public Builder watch(boolean watch) { this.watch = watch; return this; }
        public Builder rescanEvery(Duration every) { this.rescanEvery = every; return this; }
        public Builder vectorsInBackground(boolean background) { this.vectorsInBackground = background; return this; }
        public Builder vectors(String format) { this.vectors = format; return this; }
        public Builder databaseUrl(String url) { this.databaseUrl = url; return this; }
        public Builder auth(String mode) { this.auth = mode; return this; }
        public Builder host(String host) { this.host = host; return this; }
        public Builder shutdownGrace(Duration grace) { this.shutdownGrace = grace; return this; }
        public Builder rateAskPerMinute(int perMinute) { this.rateAskPerMinute = perMinute; return this; }
        public Builder rateOtherPerMinute(int perMinute) { this.rateOtherPerMinute = perMinute; return this; }
        public Builder maxConnectionsPerAddress(int max) { this.maxConnectionsPerAddress = max; return this; }
        public Builder minRequestBytesPerSecond(long rate) { this.minRequestBytesPerSecond = rate; return this; }
        public Builder idleTimeout(Duration timeout) { this.idleTimeout = timeout; return this; }
        /** No rate limit and no connection cap (benchmarks and load tests, which are one client). */
        public Builder unlimited() { return rateAskPerMinute(0).rateOtherPerMinute(0).maxConnectionsPerAddress(0); }

        public CitedConfig build() {
            return new CitedConfig(port, seeds, webDir, promptsDir, dataDir, model, modelTimeout, retrieval, embedding,
                    slackSigningSecret, slackBotToken, slackApiUrl, publicUrl, grounding, limits, watch, rescanEvery,
                    vectorsInBackground, vectors, databaseUrl, auth, host, shutdownGrace, rateAskPerMinute,
                    rateOtherPerMinute, maxConnectionsPerAddress, minRequestBytesPerSecond, idleTimeout);
        }
    }
}
