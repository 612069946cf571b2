package dev.cited.index;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressiveEmbeddingTest {

    /** A vector that says which text it came from, and a record of the slices asked for. */
    private static final class NumberEmbedder implements Embedder {
        final List<Integer> slices = new ArrayList<>();

        @Override
        public String name() {
            return "numbers";
        }

        @Override
        public float[] embed(String text) {
            return new float[]{Integer.parseInt(text)};
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            slices.add(texts.size());
            return Embedder.super.embedAll(texts);
        }
    }

    @Test
    void givenMoreTextsThanOneSlice_whenEmbedded_thenSlicedAndEveryVectorInItsTextsPlace() {
        int total = 2 * ProgressiveEmbedding.SLICE + 7;
        List<String> texts = IntStream.range(0, total).mapToObj(Integer::toString).toList();
        NumberEmbedder embedder = new NumberEmbedder();

        List<float[]> vectors = ProgressiveEmbedding.embedAll(embedder, texts, "numbers");

        assertEquals(List.of(ProgressiveEmbedding.SLICE, ProgressiveEmbedding.SLICE, 7), embedder.slices);
        assertEquals(total, vectors.size());
        for (int i = 0; i < total; i++) {
            assertEquals(i, (int) vectors.get(i)[0]);
        }
    }

    @Test
    void givenAFewTexts_whenEmbedded_thenOneCall() {
        NumberEmbedder embedder = new NumberEmbedder();
        assertEquals(3, ProgressiveEmbedding.embedAll(embedder, List.of("1", "2", "3"), "numbers").size());
        assertEquals(List.of(3), embedder.slices);
    }
}
