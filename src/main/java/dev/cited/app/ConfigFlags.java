package dev.cited.app;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The flags of every command that builds an engine ({@link SeedsFlag} apart: index and bench-ingest take their
 * folder as an argument). Each is null unless given, so {@link #over} changes only what the command line says
 * and the environment's configuration ({@link CitedConfig#fromEnvironment}) keeps the rest. The defaults shown
 * are {@link CitedConfig}'s; {@code CliTest} checks they agree.
 */
final class ConfigFlags {
    @Option(names = "--model", paramLabel = "NAME", order = 2,
            description = "extractive | openai:<m> | ollama:<m> | anthropic:<m> | gemini:<m>"
                    + "  [CITED_MODEL, default extractive]")
    String model;

    @Option(names = "--retrieval", paramLabel = "MODE", order = 3,
            description = "hybrid | bm25 | dense  [CITED_RETRIEVAL, default hybrid]")
    String retrieval;

    @Option(names = "--embedding", paramLabel = "NAME", order = 4,
            description = "bge-small | minilm (faster)  [CITED_EMBEDDING, default bge-small]")
    String embedding;

    @Option(names = "--vectors", paramLabel = "FORMAT", order = 5,
            description = "float32 | int8 (quantized)  [CITED_VECTORS, default float32]")
    String vectors;

    @Option(names = "--data", paramLabel = "DIR", order = 6,
            description = "keep the index on disk here and reuse it  [CITED_DATA, default in memory]")
    Path data;

    @Option(names = "--prompts", paramLabel = "DIR", order = 7,
            description = "prompt templates  [CITED_PROMPTS, default prompts]")
    Path prompts;

    @Option(names = "--model-timeout", paramLabel = "S", order = 8, converter = PositiveWhole.class,
            description = "seconds to wait for a model  [CITED_MODEL_TIMEOUT, default 60]")
    Long modelTimeout;

    @Option(names = "--max-file-mb", paramLabel = "N", order = 9, converter = PositiveWhole.class,
            description = "files larger than this are skipped  [CITED_MAX_FILE_MB, default 100]")
    Long maxFileMegabytes;

    @Option(names = "--parse-timeout", paramLabel = "S", order = 10, converter = PositiveWhole.class,
            description = "a file still being read after S seconds is abandoned  [CITED_PARSE_TIMEOUT, default 60]")
    Long parseTimeout;

    @Option(names = "--grounding", paramLabel = "MODE", order = 11,
            description = "strict (a model's unsupported statements are removed) | flag (kept, marked ⚠)"
                    + "  [CITED_GROUNDING, default strict]")
    String grounding;

    /** {@code base} with the flags given on the command line put over it. */
    CitedConfig.Builder over(CitedConfig base) {
        CitedConfig.Builder b = base.toBuilder();
        if (model != null) b.model(model);
        if (retrieval != null) b.retrieval(retrieval);
        if (embedding != null) b.embedding(embedding);
        if (vectors != null) b.vectors(vectors);
        if (data != null) b.dataDir(data);
        if (prompts != null) b.promptsDir(prompts);
        if (modelTimeout != null) b.modelTimeout(Duration.ofSeconds(modelTimeout));
        if (maxFileMegabytes != null) b.maxFileMegabytes(maxFileMegabytes);
        if (parseTimeout != null) b.parseTimeout(Duration.ofSeconds(parseTimeout));
        if (grounding != null) b.grounding(grounding);
        return b;
    }

    /** A positive whole number (seconds, megabytes). */
    static final class PositiveWhole implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long n = Long.parseLong(value.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a positive whole number");
        }
    }

    /** A port number; 0 picks a free one. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a port number from 0 to 65535");
        }
    }
}
