package dev.cited.llm;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * One of the in-jar ONNX embedding models, loaded with a session whose worker threads sleep when idle.
 * ONNX Runtime's default lets them spin for a while after each run, which on a 2-core server takes the CPU
 * from the request that has just been answered and the next one (measured in docs/benchmarks.md).
 */
final class QuietOnnxModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    QuietOnnxModel(String modelResource, String tokenizerResource, PoolingMode pooling, Executor executor) {
        super(executor);
        try (InputStream model = resource(modelResource); InputStream tokenizer = resource(tokenizerResource);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model " + modelResource, e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model " + modelResource, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = QuietOnnxModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }
}
