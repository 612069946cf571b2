package dev.cited.index;

import dev.cited.chunking.Passage;
import dev.cited.chunking.PassageChunker;
import dev.cited.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;

/**
 * The Lucene index of all passages, built once at start: in memory, or in a data folder where it is kept
 * across starts and only new, changed and removed documents are re-indexed. Read-only afterwards.
 */
public final class PassageIndex implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(PassageIndex.class);
    /** Part of the stored index's settings: bump it when the stored fields change, to force a rebuild. */
    private static final String INDEX_FORMAT = "cited-index-2";
    private static final String SENTENCE_VECTORS_FILE = "cited-sentence-vectors.bin";

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final CitedAnalyzer analyzer;
    private final Map<String, Document> documents;
    private final Map<String, Passage> passages;
    private final SentenceVectors sentenceVectors;

    private PassageIndex(Directory directory, CitedAnalyzer analyzer, Map<String, Document> documents,
                         Map<String, Passage> passages, SentenceVectors sentenceVectors) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.analyzer = analyzer;
        this.documents = documents;
        this.passages = passages;
        this.sentenceVectors = sentenceVectors;
    }

    /**
     * Chunks and indexes the documents.
     *
     * @param embedder null for a BM25-only index (no vectors)
     * @param dataDir  null for an in-memory index
     */
    public static PassageIndex build(List<Document> documents, PassageChunker chunker, Embedder embedder,
                                     Path dataDir) {
        Map<String, Document> byId = new LinkedHashMap<>();
        Map<String, Passage> passages = new LinkedHashMap<>();
        for (Document document : documents) {
            byId.put(document.id(), document);
            for (Passage passage : chunker.chunk(document)) {
                passages.put(passage.id(), passage);
            }
        }
        CitedAnalyzer analyzer = new CitedAnalyzer();
        try {
            Directory directory;
            SentenceVectors sentences;
            if (dataDir == null) {
                directory = new ByteBuffersDirectory();
                write(directory, analyzer, List.copyOf(passages.values()), embedder, null);
                sentences = embedder == null ? null : SentenceVectors.compute(passages.values(), embedder);
            } else {
                Path indexDir = dataDir.resolve("index");
                Files.createDirectories(indexDir);
                directory = FSDirectory.open(indexDir);
                sentences = keepOnDisk(directory, indexDir, analyzer, documents, passages, chunker, embedder);
            }
            return new PassageIndex(directory, analyzer, byId, passages, sentences);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the index: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the index in {@code indexDir} up to date with {@code documents}: reused as it is when nothing
     * changed; otherwise only new and changed documents are embedded and indexed, and removed ones deleted
     * (by document id, as the Lucene demo updates by id); rebuilt from scratch when there is no usable index
     * or the chunking or embedding model changed.
     */
    private static SentenceVectors keepOnDisk(Directory directory, Path indexDir, CitedAnalyzer analyzer,
                                              List<Document> documents, Map<String, Passage> passages,
                                              PassageChunker chunker, Embedder embedder) throws IOException {
        Path sentenceFile = indexDir.resolve(SENTENCE_VECTORS_FILE);
        IndexManifest current = IndexManifest.of(settings(chunker, embedder), documents);
        Optional<IndexManifest> previous = IndexManifest.read(indexDir)
                .filter(m -> m.settings().equals(current.settings()) && indexExists(directory));
        SentenceVectors stored = previous.isPresent() && embedder != null
                ? SentenceVectors.load(sentenceFile).orElse(null) : null;
        if (previous.isPresent() && (embedder == null || stored != null)) {
            Set<String> changed = current.addedOrChangedSince(previous.get());
            Set<String> removed = current.removedSince(previous.get());
            if (changed.isEmpty() && removed.isEmpty()) {
                LOG.info("Reusing the index in {}: documents unchanged", indexDir);
                return stored;
            }
            IndexManifest.delete(indexDir); // an interrupted update is never reused
            Set<String> stale = new TreeSet<>(changed);
            stale.addAll(removed);
            List<Passage> fresh = passages.values().stream().filter(p -> changed.contains(p.documentId())).toList();
            write(directory, analyzer, fresh, embedder, stale);
            SentenceVectors sentences = null;
            if (embedder != null) {
                sentences = stored.replacing(stale, fresh, embedder);
                sentences.save(sentenceFile);
            }
            current.write(indexDir);
            LOG.info("Updated the index in {}: {} new or changed and {} removed documents, {} reused as they were",
                    indexDir, changed.size(), removed.size(), documents.size() - changed.size());
            return sentences;
        }
        IndexManifest.delete(indexDir);
        Files.deleteIfExists(indexDir.resolve("cited-fingerprint.txt")); // what an older Cited kept instead
        write(directory, analyzer, List.copyOf(passages.values()), embedder, null);
        SentenceVectors sentences = null;
        if (embedder != null) {
            sentences = SentenceVectors.compute(passages.values(), embedder);
            sentences.save(sentenceFile);
        }
        current.write(indexDir);
        return sentences;
    }

    /** What every stored passage depends on besides its document: a change means rebuilding everything. */
    private static String settings(PassageChunker chunker, Embedder embedder) {
        return INDEX_FORMAT + "|" + chunker.signature() + "|" + (embedder == null ? "none" : embedder.name());
    }

    private static boolean indexExists(Directory directory) {
        try {
            return DirectoryReader.indexExists(directory);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Adds {@code passages} (by id, so a passage indexed again replaces itself) after deleting every passage
     * of the {@code stale} documents; {@code stale} null starts a new index.
     */
    private static void write(Directory directory, CitedAnalyzer analyzer, List<Passage> passages,
                              Embedder embedder, Set<String> stale) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(stale == null ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setSimilarity(new BM25Similarity())
                .setMergePolicy(new TieredMergePolicy().setForceMergeDeletesPctAllowed(0));
        List<float[]> vectors = embedder == null || passages.isEmpty() ? null
                : ProgressiveEmbedding.embedAll(embedder, passages.stream().map(PassageIndex::embeddingText).toList(),
                        "passages");
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            if (stale != null) {
                for (String documentId : stale) {
                    writer.deleteDocuments(new Term(IndexFields.DOCUMENT_ID, documentId));
                }
            }
            for (int i = 0; i < passages.size(); i++) {
                Passage passage = passages.get(i);
                org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
                doc.add(new StringField(IndexFields.ID, passage.id(), Field.Store.YES));
                doc.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(passage.id())));
                doc.add(new StringField(IndexFields.DOCUMENT_ID, passage.documentId(), Field.Store.NO));
                doc.add(new TextField(IndexFields.TEXT, passage.text(), Field.Store.NO));
                if (vectors != null) {
                    doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vectors.get(i),
                            VectorSimilarityFunction.COSINE));
                }
                // By id, so indexing the same passage again replaces it instead of duplicating it.
                writer.updateDocument(new Term(IndexFields.ID, passage.id()), doc);
            }
            if (stale != null && !stale.isEmpty()) {
                // Every deletion merged away (the policy allows none left): deleted passages would otherwise
                // still count in BM25's statistics, and an updated index would rank unlike a fresh one.
                writer.forceMergeDeletes();
            }
            writer.commit();
        }
    }

    /** The text embedded for a passage: its document title gives the passage context. */
    static String embeddingText(Passage passage) {
        return passage.documentTitle() + "\n" + passage.text();
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public CitedAnalyzer analyzer() {
        return analyzer;
    }

    public boolean hasVectors() {
        return sentenceVectors != null;
    }

    /** Sentence embeddings, present when the index has vectors. */
    public Optional<SentenceVectors> sentenceVectors() {
        return Optional.ofNullable(sentenceVectors);
    }

    /** All documents, in load order. */
    public List<Document> documents() {
        return List.copyOf(documents.values());
    }

    public Optional<Document> document(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    public Optional<Passage> passage(String id) {
        return Optional.ofNullable(passages.get(id));
    }

    /** How many passages each document has, by document id. */
    public Map<String, Integer> passagesPerDocument() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        passages.values().forEach(p -> counts.merge(p.documentId(), 1, Integer::sum));
        return counts;
    }

    public int passageCount() {
        return passages.size();
    }

    /** The stored passage id of a Lucene doc. */
    public String idOf(int luceneDoc) {
        try {
            return searcher.storedFields().document(luceneDoc).get(IndexFields.ID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
