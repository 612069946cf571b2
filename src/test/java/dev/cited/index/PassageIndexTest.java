package dev.cited.index;

import dev.cited.chunking.Passage;
import dev.cited.chunking.PassageChunker;
import dev.cited.chunking.Span;
import dev.cited.document.Document;
import dev.cited.document.DocumentLoader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassageIndexTest {

    /** Counts texts embedded; vectors depend only on the text, so results are stable. */
    static class CountingEmbedder implements Embedder {
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
            assertEquals(passages, numDocs(index));
        }
        assertEquals(passages, first.embedded.get(), "each passage embedded once; sentences wait for questions");

        CountingEmbedder second = new CountingEmbedder();
        try (PassageIndex index = PassageIndex.build(docs, new PassageChunker(), second, data)) {
            assertEquals(0, second.embedded.get(), "nothing re-embedded");
            assertEquals(passages, numDocs(index));
            assertTrue(index.sentenceVectors().isPresent());
        }
    }

    @Test
    void givenANewDocument_whenBuiltAgain_thenOnlyItIsEmbeddedAndNothingIsDuplicated(@TempDir Path data)
            throws Exception {
        List<Document> docs = new ArrayList<>(DocumentLoader.load(Path.of("seeds")));
        PassageIndex.build(docs, new PassageChunker(), new CountingEmbedder(), data).close();
        Document extra = new Document("extra", "Extra", "A short extra document. It has two sentences.");
        docs.add(extra);
        CountingEmbedder again = new CountingEmbedder();
        try (PassageIndex index = PassageIndex.build(docs, new PassageChunker(), again, data)) {
            assertEquals(passagesOf(extra), again.embedded.get(), "only the new document's passages");
            assertEquals(index.passageCount(), numDocs(index));
            assertTrue(index.document("extra").isPresent());
            assertEquals(1, hits(index, new TermQuery(new Term(IndexFields.DOCUMENT_ID, "extra"))));
        }
    }

    @Test
    void givenChangedAndRemovedDocuments_whenBuiltAgain_thenTheUpdateEqualsAFreshBuild(@TempDir Path data,
                                                                                    @TempDir Path fresh)
            throws Exception {
        List<Document> seeds = DocumentLoader.load(Path.of("seeds"));
        Document draft = new Document("notes", "Notes", "North Korea sent shells. Korea was discussed at length.");
        Document memo = new Document("memo", "Memo", "A memo on Korea and the summit.");
        PassageIndex.build(List.of(seeds.get(0), seeds.get(1), draft, memo), new PassageChunker(),
                new CountingEmbedder(), data).close();

        // Few passages change, so Lucene would not merge their deletions away by itself.
        Document revised = new Document("notes", "Notes", "Korea notes, revised. The summit in Seoul ended early.");
        List<Document> now = List.of(seeds.get(0), seeds.get(1), revised); // memo removed, notes changed
        CountingEmbedder update = new CountingEmbedder();
        try (PassageIndex updated = PassageIndex.build(now, new PassageChunker(), update, data);
             PassageIndex rebuilt = PassageIndex.build(now, new PassageChunker(), new CountingEmbedder(), fresh)) {
            assertEquals(passagesOf(revised), update.embedded.get(), "only the changed document is embedded again");
            assertEquals(0, hits(updated, new TermQuery(new Term(IndexFields.DOCUMENT_ID, "memo"))));
            assertEquals(rebuilt.passageCount(), numDocs(updated));
            assertEquals(ranking(rebuilt, "korea"), ranking(updated, "korea"), "same passages, same BM25 scores");
            assertEquals(ranking(rebuilt, "summit"), ranking(updated, "summit"));
        }
    }

    @Test
    void givenRetrievedPassages_whenTheirSentencesAreJudged_thenEachIsEmbeddedOnceFromTheCurrentText() throws Exception {
        Document notes = new Document("notes", "Notes", "North Korea sent shells. Korea was discussed at length.");
        CountingEmbedder embedder = new CountingEmbedder();
        try (PassageIndex index = PassageIndex.build(List.of(notes), new PassageChunker(), embedder, null)) {
            SentenceVectors vectors = index.sentenceVectors().orElseThrow();
            List<Passage> passages = new PassageChunker().chunk(notes);
            int built = embedder.embedded.get();

            vectors.prepare(passages);
            vectors.prepare(passages);
            Span first = passages.get(0).sentences().get(0);
            float[] vector = vectors.of("notes", first).orElseThrow();
            assertEquals(built + 2, embedder.embedded.get(), "two sentences, each embedded once");
            assertArrayEquals(embedder.embed("North Korea sent shells."), vector);

            // Same offsets, other words: the vector follows the text, not the position.
            index.sync(List.of(new Document("notes", "Notes", "North Korea sent pilots. Korea was discussed at length.")));
            assertArrayEquals(embedder.embed("North Korea sent pilots."), vectors.of("notes", first).orElseThrow());
            assertTrue(vectors.of("gone", first).isEmpty(), "no text, no vector");
        }
    }

    @Test
    void givenAnotherEmbeddingModel_whenBuiltAgain_thenEverythingIsEmbeddedAnew(@TempDir Path data) throws Exception {
        List<Document> docs = DocumentLoader.load(Path.of("seeds"));
        CountingEmbedder first = new CountingEmbedder();
        PassageIndex.build(docs, new PassageChunker(), first, data).close();
        CountingEmbedder other = new CountingEmbedder() {
            @Override
            public String name() {
                return "counting-hash-v2";
            }
        };
        PassageIndex.build(docs, new PassageChunker(), other, data).close();
        assertEquals(first.embedded.get(), other.embedded.get());
    }

    @Test
    void givenInt8Vectors_whenSearched_thenNeighboursAreFoundAndSwitchingFormatRebuilds(@TempDir Path data)
            throws Exception {
        List<Document> docs = DocumentLoader.load(Path.of("seeds"));
        CountingEmbedder first = new CountingEmbedder();
        try (PassageIndex index = PassageIndex.open(new PassageChunker(), first, first, data, VectorFormat.INT8)) {
            index.sync(docs);
            index.awaitVectors(java.time.Duration.ofMinutes(1));
            float[] query = first.embed(index.passage(index.documents().get(0).id() + "#0").orElseThrow().text());
            assertEquals(5, hits(index, new org.apache.lucene.search.KnnFloatVectorQuery(IndexFields.VECTOR, query, 5)));
        }
        CountingEmbedder second = new CountingEmbedder();
        PassageIndex.build(docs, new PassageChunker(), second, data).close(); // float32: other settings
        assertEquals(first.embedded.get() - 1, second.embedded.get(), "every passage embedded again");
    }

    @Test
    void givenVectorsStillBeingBuilt_whenSearched_thenBm25AnswersAndProgressSaysHowFarVectorsAre() throws Exception {
        List<Document> docs = DocumentLoader.load(Path.of("seeds"));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CountingEmbedder gated = new CountingEmbedder() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.embedAll(texts);
            }
        };
        try (PassageIndex index = PassageIndex.open(new PassageChunker(), gated, null)) {
            index.sync(docs);

            assertTrue(hits(index, new TermQuery(new Term(IndexFields.TEXT, "korea"))) > 0, "searchable at once");
            IndexProgress before = index.progress();
            assertEquals(index.passageCount(), before.passages());
            assertEquals(0, before.embedded());
            assertTrue(before.vectors() && !before.ready());
            assertEquals(0, (int) index.search(s -> s.count(new org.apache.lucene.search.FieldExistsQuery(IndexFields.VECTOR))));

            release.countDown();
            assertTrue(index.awaitVectors(java.time.Duration.ofMinutes(1)));
            IndexProgress after = index.progress();
            assertTrue(after.ready());
            assertEquals(index.passageCount(), after.embedded());
            assertEquals(index.passageCount(), numDocs(index), "each passage once, with its vector");
            assertEquals(index.passageCount(),
                    (int) index.search(s -> s.count(new org.apache.lucene.search.FieldExistsQuery(IndexFields.VECTOR))));
        }
    }

    @Test
    void givenAStopBeforeEveryVectorWasBuilt_whenOpenedAgain_thenOnlyTheRestIsEmbedded(@TempDir Path data) throws Exception {
        List<Document> docs = DocumentLoader.load(Path.of("seeds"));
        CountingEmbedder first = new CountingEmbedder() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                try {
                    Thread.sleep(50); // slow enough that the close comes while vectors are being built
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.embedAll(texts);
            }
        };
        CountingEmbedder fresh = new CountingEmbedder();
        PassageIndex.build(docs, new PassageChunker(), fresh, null).close();
        int total = fresh.embedded.get();
        try (PassageIndex index = PassageIndex.open(new PassageChunker(), first, data)) {
            index.sync(docs);
        }
        CountingEmbedder second = new CountingEmbedder();
        try (PassageIndex index = PassageIndex.build(docs, new PassageChunker(), second, data)) {
            assertEquals(total, first.embedded.get() + second.embedded.get(), "nothing embedded twice, nothing missed");
            assertTrue(index.progress().ready());
            assertEquals(index.passageCount(), numDocs(index));
        }
    }

    /** What building a document embeds: its passages. */
    private static int passagesOf(Document document) {
        return new PassageChunker().chunk(document).size();
    }

    private static long hits(PassageIndex index, Query query) {
        return index.search(searcher -> searcher.count(query));
    }

    private static int numDocs(PassageIndex index) {
        return index.search(searcher -> searcher.getIndexReader().numDocs());
    }

    /** "id score" of every passage holding {@code term}, best first. */
    private static List<String> ranking(PassageIndex index, String term) {
        return index.search(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.TEXT, term)), 100);
            List<String> ranking = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                ranking.add(PassageIndex.idOf(searcher, hit.doc) + " " + hit.score);
            }
            ranking.sort(null);
            return ranking;
        });
    }
}
