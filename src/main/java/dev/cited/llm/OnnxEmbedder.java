package dev.cited.llm;

import dev.cited.index.Embedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An embedding model running in process (see {@link EmbeddingChoice}): nothing is downloaded. Each model
 * is loaded once per JVM and shared, since loading takes about a second.
 */
public final class OnnxEmbedder implements Embedder {
    private static final Map<EmbeddingChoice, EmbeddingModel> LOADED = new EnumMap<>(EmbeddingChoice.class);

    private final EmbeddingChoice choice;
    private final EmbeddingModel model;
    private final String prefix;

    private OnnxEmbedder(EmbeddingChoice choice, boolean queries) {
        this.choice = choice;
        this.model = model(choice);
        this.prefix = queries ? choice.queryInstruction() : "";
    }

    /** Embeds passages and sentences as they are. */
    public static OnnxEmbedder forPassages(EmbeddingChoice choice) {
        return new OnnxEmbedder(choice, false);
    }

    /** Embeds search queries, with the model's query instruction when it has one. */
    public static OnnxEmbedder forQueries(EmbeddingChoice choice) {
        return new OnnxEmbedder(choice, true);
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
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(prefix + t)).toList();
        return model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }
}
