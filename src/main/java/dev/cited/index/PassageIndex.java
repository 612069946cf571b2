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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Lucene index of all passages, built once at start: in memory, or in a data folder where it is reused
 * while the documents, the chunking and the embedding model are unchanged. Read-only afterwards.
 */
public final class PassageIndex implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(PassageIndex.class);
    private static final String FINGERPRINT_FILE = "cited-fingerprint.txt";
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
        String fingerprint = fingerprint(documents, chunker, embedder);
        try {
            Directory directory;
            SentenceVectors sentences = null;
            if (dataDir == null) {
                directory = new ByteBuffersDirectory();
                write(directory, analyzer, passages.values(), embedder);
                sentences = embedder == null ? null : SentenceVectors.compute(passages.values(), embedder);
            } else {
                Path indexDir = dataDir.resolve("index");
                Files.createDirectories(indexDir);
                directory = FSDirectory.open(indexDir);
                Path sentenceFile = indexDir.resolve(SENTENCE_VECTORS_FILE);
                boolean unchanged = fingerprint.equals(readFingerprint(indexDir).orElse(null))
                        && DirectoryReader.indexExists(directory);
                if (unchanged) {
                    sentences = embedder == null ? null : SentenceVectors.load(sentenceFile).orElse(null);
                }
                if (unchanged && (embedder == null || sentences != null)) {
                    LOG.info("Reusing the index in {}: documents unchanged", indexDir);
                } else {
                    Files.deleteIfExists(indexDir.resolve(FINGERPRINT_FILE)); // an interrupted build is never reused
                    write(directory, analyzer, passages.values(), embedder);
                    if (embedder != null) {
                        sentences = SentenceVectors.compute(passages.values(), embedder);
                        sentences.save(sentenceFile);
                    }
                    Files.writeString(indexDir.resolve(FINGERPRINT_FILE), fingerprint);
                }
            }
            return new PassageIndex(directory, analyzer, byId, passages, sentences);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the index: " + e.getMessage(), e);
        }
    }

    private static void write(Directory directory, CitedAnalyzer analyzer, Iterable<Passage> passages,
                              Embedder embedder) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(new BM25Similarity());
        List<Passage> list = new ArrayList<>();
        passages.forEach(list::add);
        List<float[]> vectors = embedder == null ? null
                : ProgressiveEmbedding.embedAll(embedder, list.stream().map(PassageIndex::embeddingText).toList(),
                        "passages");
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < list.size(); i++) {
                Passage passage = list.get(i);
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
            writer.commit();
        }
    }

    /** The text embedded for a passage: its document title gives the passage context. */
    static String embeddingText(Passage passage) {
        return passage.documentTitle() + "\n" + passage.text();
    }

    private static String fingerprint(List<Document> documents, PassageChunker chunker, Embedder embedder) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((chunker.signature() + "|" + (embedder == null ? "none" : embedder.name()) + "|")
                    .getBytes(StandardCharsets.UTF_8));
            for (Document document : documents) {
                digest.update((document.id() + "\u0000" + document.text() + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> readFingerprint(Path indexDir) throws IOException {
        Path file = indexDir.resolve(FINGERPRINT_FILE);
        return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
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
