package dev.cited.llm;

import dev.cited.index.SentenceVectors;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingChoiceTest {
    private static final String TEXT = "North Korea has sent an estimated 6m artillery shells to Russia.";

    @Test
    void givenOurQuietLoader_whenEmbedding_thenVectorsMatchLangChain4jsOwnModelClasses() {
        float[] ours = OnnxEmbedder.forPassages(EmbeddingChoice.BGE_SMALL).embed(TEXT);
        float[] theirs = new BgeSmallEnV15QuantizedEmbeddingModel().embed(TEXT).content().vector();
        assertEquals(384, ours.length);
        assertTrue(SentenceVectors.cosine(ours, theirs) > 0.9999, "same weights, tokenizer and pooling");

        float[] oursMini = OnnxEmbedder.forPassages(EmbeddingChoice.MINILM).embed(TEXT);
        float[] theirsMini = new AllMiniLmL6V2QuantizedEmbeddingModel().embed(TEXT).content().vector();
        assertTrue(SentenceVectors.cosine(oursMini, theirsMini) > 0.9999);
    }

    @Test
    void givenQueriesAndPassages_whenEmbeddedWithBge_thenOnlyQueriesCarryTheInstruction() {
        float[] query = OnnxEmbedder.forQueries(EmbeddingChoice.BGE_SMALL).embed(TEXT);
        float[] passage = OnnxEmbedder.forPassages(EmbeddingChoice.BGE_SMALL).embed(TEXT);
        assertTrue(SentenceVectors.cosine(query, passage) < 0.9999, "the instruction changes the query vector");
    }

    @Test
    void givenNames_whenParsed_thenFlagsAndModelNamesWorkAndOthersAreRefused() {
        assertEquals(EmbeddingChoice.BGE_SMALL, EmbeddingChoice.parse("bge-small"));
        assertEquals(EmbeddingChoice.MINILM, EmbeddingChoice.parse(" MiniLM "));
        assertEquals(EmbeddingChoice.MINILM, EmbeddingChoice.parse("all-minilm-l6-v2-q"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmbeddingChoice.parse("e5"));
        assertTrue(e.getMessage().contains("bge-small or minilm"));
    }
}
