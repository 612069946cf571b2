package dev.cited.llm;

import dev.cited.index.Embedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.EnumMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import java.util.Map;

/**
 * An embedding model running in process (see {@link EmbeddingChoice}): nothing is downloaded. Each model
 * is loaded once per JVM and shared, since loading takes about a second.
 */
public final class OnnxEmbedder implements Embedder {
    private static final Map<EmbeddingChoice, EmbeddingModel> LOADED = new EnumMap<>(EmbeddingChoice.class);

    /**
     * What a question embeds (its sentences) runs on threads of its own: on the model's batch threads it would
     * wait behind the passages being embedded in the background (measured: p50 0.9 s while a folder was embedded).
     */
    private static final ExecutorService INTERACTIVE = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "cited-embedding-interactive");
        t.setDaemon(true);
        return t;
    });

    private final EmbeddingChoice choice;
    private final EmbeddingModel model;
    private final String prefix;
    private final boolean interactive;

    private OnnxEmbedder(EmbeddingChoice choice, boolean queries, boolean interactive) {
        this.choice = choice;
        this.model = model(choice);
        this.prefix = queries ? choice.queryInstruction() : "";
        this.interactive = interactive;
    }

    /** Embeds passages as they are, in bulk (the index's background work). */
    public static OnnxEmbedder forPassages(EmbeddingChoice choice) {
        return new OnnxEmbedder(choice, false, false);
    }

    /** Embeds sentences and claims as passages are embedded, for a question being answered. */
    public static OnnxEmbedder forSentences(EmbeddingChoice choice) {
        return new OnnxEmbedder(choice, false, true);
    }

    /** Embeds search queries, with the model's query instruction when it has one. */
    public static OnnxEmbedder forQueries(EmbeddingChoice choice) {
        return new OnnxEmbedder(choice, true, true);
    }

    private static EmbeddingModel model(EmbeddingChoice choice) {
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(choice, EmbeddingChoice::load);
        }
    }

    @Override
    public String name() {
        return choice.modelName();
    }

    @Override
    public float[] embed(String text) {
        return model.embed(prefix + text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (interactive && texts.size() > 1) {
            List<CompletableFuture<float[]>> vectors = texts.stream()
                    .map(t -> CompletableFuture.supplyAsync(() -> embed(t), INTERACTIVE)).toList();
            return vectors.stream().map(CompletableFuture::join).toList();
        }
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(prefix + t)).toList();
        return model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }
}
