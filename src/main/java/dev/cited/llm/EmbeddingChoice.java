package dev.cited.llm;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The in-process embedding models Cited can use; their weights ship inside their jars. Each carries the
 * answer threshold the extractive answerer was calibrated with on the question sets (docs/benchmarks.md),
 * since similarity scores are not comparable between models.
 */
public enum EmbeddingChoice {
    /** Better answers; a query embedding costs about 8 ms on 2 cores. */
    BGE_SMALL("bge-small", "bge-small-en-v1.5-q", "Represent this sentence for searching relevant passages: ", 0.66,
            PoolingMode.CLS),
    /** About six times cheaper per query, a few answers fewer on hard paraphrases. */
    MINILM("minilm", "all-minilm-l6-v2-q", "", 0.55, PoolingMode.MEAN);

    /** Batch embedding at start-up uses both cores; queries run on the request thread. */
    private static final Executor BATCHES = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "cited-embedding");
        t.setDaemon(true);
        return t;
    });

    private final String flag;
    private final String modelName;
    private final String queryInstruction;
    private final double answerThreshold;
    private final PoolingMode pooling;

    EmbeddingChoice(String flag, String modelName, String queryInstruction, double answerThreshold,
                    PoolingMode pooling) {
        this.flag = flag;
        this.modelName = modelName;
        this.queryInstruction = queryInstruction;
        this.answerThreshold = answerThreshold;
        this.pooling = pooling;
    }

    public static EmbeddingChoice parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.flag.equals(v) || c.modelName.equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown embedding model '" + value
                        + "': use bge-small or minilm"));
    }

    public String modelName() {
        return modelName;
    }

    /** Prefixed to queries (never to passages), as the model was trained. */
    String queryInstruction() {
        return queryInstruction;
    }

    /** Similarity plus weighted term coverage a sentence needs to count as an answer, for this model. */
    public double answerThreshold() {
        return answerThreshold;
    }

    /** Loads the weights shipped in the model's jar (same files and pooling as LangChain4j's own class). */
    EmbeddingModel load() {
        return new QuietOnnxModel(modelName + ".onnx", modelName + "-tokenizer.json", pooling, BATCHES);
    }
}
