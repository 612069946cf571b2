package dev.cited.support;

import dev.cited.answer.DraftGrounder;
import dev.cited.grounding.ClaimVerifier;
import dev.cited.grounding.DefaultClaimVerifier;
import dev.cited.grounding.EvidencePool;
import dev.cited.grounding.GroundingMode;
import dev.cited.grounding.SentenceSupport;
import dev.cited.grounding.SupportFinder;
import dev.cited.index.CachingEmbedder;
import dev.cited.index.PassageIndex;
import dev.cited.llm.EmbeddingChoice;
import dev.cited.llm.OnnxEmbedder;
import dev.cited.retrieval.EmbeddingSentenceSimilarity;
import dev.cited.retrieval.IndexTermStatistics;
import dev.cited.retrieval.SentenceSimilarity;

/** The grounding parts over the seed index, wired as the engine wires them, for tests that build answerers. */
public final class SeedGrounding {
    private SeedGrounding() {
    }

    private static PassageIndex index() {
        return SeedEngine.get().index();
    }

    public static SentenceSupport support() {
        return new SentenceSupport(new IndexTermStatistics(index()));
    }

    public static EvidencePool evidence() {
        return new EvidencePool(index()::document, index()::passage);
    }

    /** The verifier with the embedding model's judgement of meaning, as the engine has it by default. */
    public static ClaimVerifier verifier() {
        SentenceSimilarity meaning = new EmbeddingSentenceSimilarity(index().sentenceVectors().orElseThrow(),
                new CachingEmbedder(OnnxEmbedder.forPassages(EmbeddingChoice.BGE_SMALL), 256));
        return new DefaultClaimVerifier(support(), meaning);
    }

    /** The verifier of a BM25-only index: wording alone. */
    public static ClaimVerifier lexicalVerifier() {
        return new DefaultClaimVerifier(support(), SentenceSimilarity.NONE);
    }

    public static DraftGrounder grounder(GroundingMode mode) {
        return new DraftGrounder(evidence(), new SupportFinder(verifier(), support()), support(), mode);
    }
}
