package dev.cited.grounding;

import dev.cited.chunking.Passage;
import dev.cited.chunking.PassageChunker;
import dev.cited.chunking.Span;
import dev.cited.document.Document;
import dev.cited.index.CachingEmbedder;
import dev.cited.index.PassageIndex;
import dev.cited.llm.EmbeddingChoice;
import dev.cited.llm.OnnxEmbedder;
import dev.cited.retrieval.EmbeddingSentenceSimilarity;
import dev.cited.retrieval.IndexTermStatistics;

import java.util.List;
import java.util.Set;

/**
 * A real index (with the in-process embedding model) over some documents, and the verifier and candidate
 * supports built on it as the engine builds them.
 */
final class GroundingFixture implements AutoCloseable {
    final PassageIndex index;
    final SentenceSupport terms;
    final DefaultClaimVerifier verifier;
    final EvidencePool pool;

    GroundingFixture(List<Document> documents) {
        EmbeddingChoice model = EmbeddingChoice.BGE_SMALL;
        index = PassageIndex.build(documents, new PassageChunker(), OnnxEmbedder.forPassages(model), null);
        terms = new SentenceSupport(new IndexTermStatistics(index));
        verifier = new DefaultClaimVerifier(terms, new EmbeddingSentenceSimilarity(index.sentenceVectors().orElseThrow(),
                new CachingEmbedder(OnnxEmbedder.forPassages(model), 256)));
        pool = new EvidencePool(index::document, index::passage);
    }

    /** The candidate support whose text is exactly {@code support}: one sentence, or two consecutive ones. */
    Evidence evidence(String documentId, String support) {
        Document document = index.document(documentId).orElseThrow();
        int start = document.text().indexOf(support);
        if (start < 0) {
            throw new IllegalArgumentException("not in " + documentId + ": " + support);
        }
        int end = start + support.length();
        for (int ordinal = 0; ; ordinal++) {
            Passage passage = index.passage(documentId + "#" + ordinal).orElseThrow(
                    () -> new IllegalArgumentException("no passage holds whole sentences " + support));
            List<Span> sentences = passage.sentences();
            for (int i = 0; i < sentences.size(); i++) {
                for (int count = 1; count <= 2 && i + count <= sentences.size(); count++) {
                    if (sentences.get(i).start() == start && sentences.get(i + count - 1).end() == end) {
                        return pool.evidence(passage, i, count, Set.of(1));
                    }
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        index.close();
    }
}
