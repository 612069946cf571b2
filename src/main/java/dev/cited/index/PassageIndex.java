package dev.cited.index;

import dev.cited.chunking.Passage;
import dev.cited.chunking.PassageChunker;
import dev.cited.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import dev.cited.chunking.Span;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Lucene index of all passages, kept up to date while it is read: {@link #sync} brings it in line with a
 * list of documents (only new and changed ones are indexed, removed ones deleted), and a question in flight
 * keeps reading the snapshot it started on. Passages are searchable with BM25 as soon as they are written;
 * their vectors are built in the background and join dense retrieval as they land.
 * In memory, or in a data folder where everything, vectors included, is kept across starts.
 */
public final class PassageIndex implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(PassageIndex.class);
    /** Part of the stored index's settings: bump it when the stored fields change, to force a rebuild. */
    private static final String INDEX_FORMAT = "cited-index-4";
    /** Files an older Cited kept beside the index, now inside it. */
    private static final List<String> OLD_FILES = List.of("cited-manifest.json", "cited-sentence-vectors.bin",
            "cited-fingerprint.txt");

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final CitedAnalyzer analyzer;
    private final PassageChunker chunker;
    private final SentenceVectors sentenceVectors;
    private final VectorBuilder vectorBuilder;
    /** Passage ids whose vector is in the index. */
    private final Set<String> embedded = ConcurrentHashMap.newKeySet();
    /** Held while the index and the catalog change together: a sync, or vectors written for passages. */
    private final Object writes = new Object();
    private final AtomicLong generation = new AtomicLong();
    private volatile Catalog catalog;

    /**
     * What the index holds: documents in load order, passages by id, and the hash of every document whose
     * passages are written. Immutable: a change publishes a new one.
     */
    record Catalog(Map<String, Document> documents, Map<String, List<Passage>> byDocument,
                   Map<String, Passage> passages, Map<String, String> hashes) {
    }

    private PassageIndex(Directory directory, IndexWriter writer, PassageChunker chunker, Embedder embedder,
                         Embedder sentences) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.analyzer = (CitedAnalyzer) writer.getConfig().getAnalyzer();
        this.chunker = chunker;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new BM25Similarity());
                return searcher;
            }
        });
        this.sentenceVectors = embedder == null ? null : new SentenceVectors(sentences, this::sentenceText);
        this.catalog = new Catalog(Map.of(), Map.of(), Map.of(), readStored());
        this.vectorBuilder = embedder == null ? null : new VectorBuilder(this, embedder);
    }

    /**
     * Opens the index, empty or as a data folder left it: reused when its settings match, rebuilt from
     * scratch when there is none or the chunking or embedding model changed. Holds no documents until
     * {@link #sync}.
     *
     * @param embedder null for a BM25-only index (no vectors)
     * @param dataDir  null for an in-memory index
     */
    public static PassageIndex open(PassageChunker chunker, Embedder embedder, Path dataDir) {
        return open(chunker, embedder, embedder, dataDir, VectorFormat.FLOAT32);
    }

    /**
     * @param sentences embeds the sentences of retrieved passages for a question (the same model as
     *                  {@code embedder}, run where it does not wait behind the background work)
     * @param vectors   how passage vectors are kept (full floats or int8-quantized)
     */
    public static PassageIndex open(PassageChunker chunker, Embedder embedder, Embedder sentences, Path dataDir,
                                    VectorFormat vectors) {
        String settings = INDEX_FORMAT + "|" + chunker.signature() + "|"
                + (embedder == null ? "none" : embedder.name() + "|" + vectors.label());
        try {
            Directory directory;
            if (dataDir == null) {
                directory = new ByteBuffersDirectory();
            } else {
                Path indexDir = dataDir.resolve("index");
                Files.createDirectories(indexDir);
                for (String old : OLD_FILES) {
                    Files.deleteIfExists(indexDir.resolve(old));
                }
                directory = FSDirectory.open(indexDir);
            }
            boolean reusable = settings.equals(storedSettings(directory));
            if (!reusable && dataDir != null && DirectoryReader.indexExists(directory)) {
                LOG.info("Rebuilding the index in {}: it was built with other settings", dataDir.resolve("index"));
            }
            IndexWriterConfig config = new IndexWriterConfig(new CitedAnalyzer())
                    .setOpenMode(reusable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                    .setSimilarity(new BM25Similarity())
                    .setMergePolicy(new TieredMergePolicy().setForceMergeDeletesPctAllowed(0))
                    .setRAMBufferSizeMB(64)
                    .setCodec(vectors.codec());
            IndexWriter writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(Map.of(IndexFields.SETTINGS, settings).entrySet());
            writer.commit();
            PassageIndex index = new PassageIndex(directory, writer, chunker, embedder, sentences);
            if (index.vectorBuilder != null) {
                index.vectorBuilder.start();
            }
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the index: " + e.getMessage(), e);
        }
    }

    /** Opens an index, syncs it with {@code documents} and waits until every vector is built: for tools and tests. */
    public static PassageIndex build(List<Document> documents, PassageChunker chunker, Embedder embedder,
                                     Path dataDir) {
        PassageIndex index = open(chunker, embedder, dataDir);
        index.sync(documents);
        index.awaitVectors(Duration.ofDays(1));
        return index;
    }

    private static String storedSettings(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return null;
            }
            return SegmentInfos.readLatestCommit(directory).getUserData().get(IndexFields.SETTINGS);
        } catch (IOException e) {
            return null; // unreadable: rebuilt
        }
    }

    /**
     * What a data folder's index already holds: the hash of each document with passages in it, the passages
     * that have vectors.
     */
    private Map<String, String> readStored() throws IOException {
        Map<String, String> hashes = new HashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                Set<Integer> withVectors = docsWithVectors(leaf);
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    org.apache.lucene.document.Document fields = stored.document(doc);
                    String documentId = fields.get(IndexFields.DOCUMENT_ID);
                    hashes.put(documentId, fields.get(IndexFields.DOCUMENT_HASH));
                    if (withVectors.contains(doc)) {
                        embedded.add(fields.get(IndexFields.ID));
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return hashes;
    }

    private static Set<Integer> docsWithVectors(LeafReaderContext leaf) throws IOException {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        if (values == null) {
            return Set.of();
        }
        Set<Integer> docs = new java.util.HashSet<>();
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            docs.add(doc);
        }
        return docs;
    }

    /**
     * Brings the index in line with {@code documents}, in their order: new and changed documents are chunked
     * and written (searchable with BM25 when this returns), removed ones deleted, unchanged ones kept with their
     * vectors. Passages without vectors are handed to the background builder.
     */
    public Change sync(List<Document> documents) {
        synchronized (writes) {
            Catalog old = catalog;
            Map<String, Document> byId = new LinkedHashMap<>();
            Map<String, String> hashes = new HashMap<>();
            Set<String> changed = new TreeSet<>();
            for (Document document : documents) {
                byId.put(document.id(), document);
                String hash = hash(document);
                hashes.put(document.id(), hash);
                if (!hash.equals(old.hashes().get(document.id()))) {
                    changed.add(document.id());
                }
            }
            Set<String> removed = new TreeSet<>(old.hashes().keySet());
            removed.removeAll(byId.keySet());
            if (changed.isEmpty() && removed.isEmpty()
                    && List.copyOf(old.documents().keySet()).equals(List.copyOf(byId.keySet()))) {
                return new Change(0, 0, documents.size()); // as it was: searches keep their caches
            }
            Map<String, List<Passage>> byDocument = new LinkedHashMap<>();
            Map<String, Passage> passages = new LinkedHashMap<>();
            List<Passage> fresh = new ArrayList<>();
            List<Passage> unembedded = new ArrayList<>();
            for (Document document : byId.values()) {
                List<Passage> own = changed.contains(document.id()) || !old.byDocument().containsKey(document.id())
                        ? chunker.chunk(document) : old.byDocument().get(document.id());
                byDocument.put(document.id(), own);
                for (Passage passage : own) {
                    passages.put(passage.id(), passage);
                    if (changed.contains(document.id())) {
                        fresh.add(passage);
                    }
                    if (!embedded.contains(passage.id()) || changed.contains(document.id())) {
                        unembedded.add(passage);
                    }
                }
            }
            Set<String> stale = new TreeSet<>(changed);
            stale.addAll(removed);
            try {
                if (!stale.isEmpty()) {
                    for (String documentId : stale) {
                        writer.deleteDocuments(new Term(IndexFields.DOCUMENT_ID, documentId));
                    }
                    for (Passage passage : fresh) {
                        writer.addDocument(fields(passage, hashes.get(passage.documentId()), null));
                    }
                    if (vectorBuilder == null) {
                        mergeDeletions(); // with vectors, the builder merges when it is done
                    }
                    writer.commit();
                    searchers.maybeRefreshBlocking();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot update the index: " + e.getMessage(), e);
            }
            embedded.removeIf(id -> !passages.containsKey(id) || stale.contains(passages.get(id).documentId()));
            Map<String, String> written = new HashMap<>(hashes);
            written.keySet().retainAll(byDocument.keySet());
            catalog = new Catalog(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byDocument),
                    Collections.unmodifiableMap(passages), Map.copyOf(written));
            generation.incrementAndGet();
            if (vectorBuilder != null) {
                vectorBuilder.submit(unembedded);
            }
            if (!stale.isEmpty()) {
                LOG.info("Indexed {} new or changed and removed {} documents ({} passages in all){}", changed.size(),
                        removed.size(), passages.size(), vectorBuilder == null || unembedded.isEmpty() ? ""
                                : "; embedding " + unembedded.size() + " passages in the background");
            }
            return new Change(changed.size(), removed.size(), documents.size() - changed.size());
        }
    }

    /** What a {@link #sync} did: documents indexed (new or changed), removed, and kept as they were. */
    public record Change(int indexed, int removed, int unchanged) {
    }

    /**
     * Writes the vectors of {@code passages}, for those still in the catalog as they
     * were when embedded: a passage changed or removed meanwhile is left to its new version.
     */
    void writeVectors(List<Passage> passages, List<float[]> vectors) throws IOException {
        synchronized (writes) {
            Catalog now = catalog;
            for (int i = 0; i < passages.size(); i++) {
                Passage passage = passages.get(i);
                if (now.passages().get(passage.id()) != passage) {
                    continue;
                }
                writer.updateDocument(new Term(IndexFields.ID, passage.id()),
                        fields(passage, now.hashes().get(passage.documentId()), vectors.get(i)));
                embedded.add(passage.id());
            }
        }
    }

    /** Whether {@code passage} is still in the catalog as it is (not changed or removed since). */
    boolean isCurrent(Passage passage) {
        return catalog.passages().get(passage.id()) == passage;
    }

    /** Makes what was written visible to new searches (and, with {@code commit}, durable). */
    void publish(boolean commit) throws IOException {
        if (commit) {
            writer.commit();
        }
        searchers.maybeRefreshBlocking();
        generation.incrementAndGet();
    }

    /** Merges away deleted passages, which would otherwise still count in BM25's statistics. */
    void mergeDeletions() throws IOException {
        if (writer.hasDeletions()) {
            writer.forceMergeDeletes();
        }
    }

    private org.apache.lucene.document.Document fields(Passage passage, String documentHash, float[] vector) {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField(IndexFields.ID, passage.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(passage.id())));
        doc.add(new StringField(IndexFields.DOCUMENT_ID, passage.documentId(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.DOCUMENT_HASH, documentHash));
        doc.add(new TextField(IndexFields.TEXT, passage.text(), Field.Store.NO));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vector, VectorSimilarityFunction.COSINE));
        }
        return doc;
    }

    private static String hash(Document document) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(document.id().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(document.title().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(document.text().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text embedded for a passage: its document title gives the passage context. */
    static String embeddingText(Passage passage) {
        return passage.documentTitle() + "\n" + passage.text();
    }

    /** A search over one snapshot of the index: hits and stored fields from the same point in time. */
    @FunctionalInterface
    public interface Search<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code search} on the current snapshot; a sync meanwhile does not change what it sees. */
    public <T> T search(Search<T> search) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored passage id of a Lucene doc of {@code searcher}'s snapshot. */
    public static String idOf(IndexSearcher searcher, int luceneDoc) throws IOException {
        return searcher.storedFields().document(luceneDoc, Set.of(IndexFields.ID)).get(IndexFields.ID);
    }

    /** Changes every time what searches see changes: caches of index statistics key on it. */
    public long generation() {
        return generation.get();
    }

    public CitedAnalyzer analyzer() {
        return analyzer;
    }

    /** Whether passages get vectors (an embedding model is configured), whether or not all have them yet. */
    public boolean hasVectors() {
        return vectorBuilder != null;
    }

    /** Sentence embeddings, present when the index has vectors; computed as questions need them. */
    public Optional<SentenceVectors> sentenceVectors() {
        return Optional.ofNullable(sentenceVectors);
    }

    /** How far the vectors are: every passage is searchable with BM25 already. */
    public IndexProgress progress() {
        int passages = catalog.passages().size();
        if (vectorBuilder == null) {
            return new IndexProgress(passages, 0, false, null, null, 0, 0);
        }
        return vectorBuilder.progress(passages, Math.min(passages, embedded.size()));
    }

    /** Waits until every passage has its vector (or {@code timeout} passes); true when they all have. */
    public boolean awaitVectors(Duration timeout) {
        return vectorBuilder == null || vectorBuilder.awaitIdle(timeout);
    }

    /** All documents, in load order. */
    public List<Document> documents() {
        return List.copyOf(catalog.documents().values());
    }

    /** The text of a sentence of a document in the index, or null when it is not there (any longer). */
    private String sentenceText(String documentId, Span sentence) {
        Document document = catalog.documents().get(documentId);
        return document == null || sentence.end() > document.text().length()
                ? null : document.text().substring(sentence.start(), sentence.end());
    }

    public Optional<Document> document(String id) {
        return Optional.ofNullable(catalog.documents().get(id));
    }

    public Optional<Passage> passage(String id) {
        return Optional.ofNullable(catalog.passages().get(id));
    }

    /** How many passages each document has, by document id. */
    public Map<String, Integer> passagesPerDocument() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        catalog.byDocument().forEach((id, passages) -> counts.put(id, passages.size()));
        return counts;
    }

    public int passageCount() {
        return catalog.passages().size();
    }

    @Override
    public void close() throws IOException {
        if (vectorBuilder != null) {
            vectorBuilder.close();
        }
        synchronized (writes) {
            searchers.close();
            writer.close(); // commits what was written
            directory.close();
        }
    }
}
