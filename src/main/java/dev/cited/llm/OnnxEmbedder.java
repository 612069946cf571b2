package dev.cited.llm;

import dev.cited.index.Embedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.util.List;

/**
 * bge-small-en-v1.5 (quantized) running in process: the weights ship inside the dependency's jar, so
 * nothing is downloaded. Loaded once per JVM and shared, since loading takes about a second.
 */
public final class OnnxEmbedder implements Embedder {
    /** bge models retrieve best when queries carry this instruction and passages do not. */
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private static volatile EmbeddingModel shared;

    private final EmbeddingModel model;
    private final boolean queries;

    private OnnxEmbedder(EmbeddingModel model, boolean queries) {
        this.model = model;
        this.queries = queries;
    }

    /** Embeds passages as they are. */
    public static OnnxEmbedder forPassages() {
        return new OnnxEmbedder(model(), false);
    }

    /** Embeds search queries with bge's query instruction. */
    public static OnnxEmbedder forQueries() {
        return new OnnxEmbedder(model(), true);
    }

    private static EmbeddingModel model() {
        if (shared == null) {
            synchronized (OnnxEmbedder.class) {
                if (shared == null) {
                    shared = new BgeSmallEnV15QuantizedEmbeddingModel();
                }
            }
        }
        return shared;
    }

    @Override
    public String name() {
        return "bge-small-en-v1.5-q";
    }

    @Override
    public float[] embed(String text) {
        return model.embed(queries ? QUERY_INSTRUCTION + text : text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream()
                .map(t -> TextSegment.from(queries ? QUERY_INSTRUCTION + t : t)).toList();
        return model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }
}
