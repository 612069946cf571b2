package dev.cited.index;

import dev.cited.chunking.PassageChunker;
import dev.cited.document.Document;
import dev.cited.document.DocumentLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassageIndexTest {

    /** Counts texts embedded; vectors depend only on the text, so results are stable. */
    static final class CountingEmbedder implements Embedder {
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public String name() {
            return "counting-hash-v1";
        }

        @Override
        public float[] embed(String text) {
            embedded.incrementAndGet();
            float[] v = new float[8];
            for (int i = 0; i < text.length(); i++) {
                v[text.charAt(i) % 8] += 1;
            }
            return v;
        }
    }

    @Test
    void givenADataFolder_whenBuiltTwiceWithTheSameDocuments_thenTheSecondStartReusesIt(@TempDir Path data) throws Exception {
        List<Document> docs = DocumentLoader.load(Path.of("seeds"));
        CountingEmbedder first = new CountingEmbedder();
        int passages;
        try (PassageIndex index = PassageIndex.build(docs, new PassageChunker(), first, data)) {
            passages = index.passageCount();
            assertEquals(passages, index.searcher().getIndexReader().numDocs());
        }
        assertTrue(first.embedded.get() > passages, "passages and sentences embedded");

        CountingEmbedder second = new CountingEmbedder();
        try (PassageIndex index = PassageIndex.build(docs, new PassageChunker(), second, data)) {
            assertEquals(0, second.embedded.get(), "nothing re-embedded");
            assertEquals(passages, index.searcher().getIndexReader().numDocs());
            assertTrue(index.sentenceVectors().isPresent());
        }
    }

    @Test
    void givenChangedDocuments_whenBuiltAgain_thenTheIndexIsRebuiltWithoutDuplicates(@TempDir Path data) throws Exception {
        List<Document> docs = new ArrayList<>(DocumentLoader.load(Path.of("seeds")));
        PassageIndex.build(docs, new PassageChunker(), new CountingEmbedder(), data).close();
        docs.add(new Document("extra", "Extra", "A short extra document. It has two sentences."));
        CountingEmbedder again = new CountingEmbedder();
        try (PassageIndex index = PassageIndex.build(docs, new PassageChunker(), again, data)) {
            assertTrue(again.embedded.get() > 0);
            assertEquals(index.passageCount(), index.searcher().getIndexReader().numDocs());
            assertTrue(index.document("extra").isPresent());
        }
    }
}
