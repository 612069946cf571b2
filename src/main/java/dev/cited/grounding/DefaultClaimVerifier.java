package dev.cited.grounding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cited.chunking.Span;
import dev.cited.retrieval.SentenceSimilarity;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The default verifier. A claim is supported when nothing it states is missing from or contradicted by the
 * support, checked in this order:
 * <ol>
 *   <li>its numbers, amounts, percentages, years and dates ({@link NumberCheck});</li>
 *   <li>its names, titles included ({@link NameCheck});</li>
 *   <li>its polarity: no negation flipped, no opposite word ({@link PolarityCheck});</li>
 *   <li>who did what to whom ({@link RoleCheck});</li>
 *   <li>its wording: the share of its other informative terms the support holds, rare terms weighing most,
 *       together with the embedding model's similarity of the two (statements only: a question's wording
 *       is judged by the answerer that ranks the candidates).</li>
 * </ol>
 * The thresholds were calibrated on the project's claim pairs and claim cases (docs/benchmarks.md).
 */
public final class DefaultClaimVerifier implements ClaimVerifier {
    /** With embeddings: similarity plus {@link #COVERAGE_WEIGHT} × coverage must reach this... */
    public static final double MIN_SCORE = 1.0;
    public static final double COVERAGE_WEIGHT = 0.5;
    /** ...and coverage this, so a claim close in meaning but about other things fails. */
    public static final double MIN_COVERAGE_WITH_MEANING = 0.25;
    /** Without embeddings (BM25-only indexes): coverage alone must reach this. */
    public static final double MIN_COVERAGE = 0.6;
    private static final int MAX_CACHED_READINGS = 20_000;

    private final Reader reader;
    private final SentenceSupport terms;
    private final SentenceSimilarity meaning;
    private final List<Check> checks = List.of(new NumberCheck(), new NameCheck(), new PolarityCheck(), new RoleCheck(),
            new OrderCheck(), new SubjectCheck(), new SubstitutionCheck(), new ExclusionCheck());
    /** Sentences of documents come up again and again; claims are read once per request. */
    private final Cache<ReadingKey, Reading> readings = Caffeine.newBuilder().maximumSize(MAX_CACHED_READINGS).build();

    /**
     * @param meaning similarity of a claim to a sentence of a document (embeddings computed with the index,
     *                the claim embedded as a passage is); {@link SentenceSimilarity#NONE} for wording alone
     */
    public DefaultClaimVerifier(SentenceSupport terms, SentenceSimilarity meaning) {
        this.reader = new Reader(terms);
        this.terms = terms;
        this.meaning = meaning;
    }

    @Override
    public Verdict verify(Claim claim, Evidence evidence) {
        Reading said = claim.reading(evidence.lexicon(), reader);
        Reading support = read(evidence.text(), evidence.lexicon());
        Reading previous = read(evidence.previous(), evidence.lexicon());
        Reading next = read(evidence.next(), evidence.lexicon());
        Reading title = read(evidence.title(), evidence.lexicon());
        Comparison c = new Comparison(claim.kind(), said, support, previous, next, title, evidence);
        double coverage = said.content().isEmpty() ? 1.0 : terms.coverage(said.content(), support.terms());
        double similarity = claim.kind() == Claim.Kind.STATEMENT ? similarity(claim.text(), evidence) : Double.NaN;
        Verdict missing = null;
        for (Check check : checks) {
            Verdict failure = check.failure(c);
            if (failure != null && failure.status() == Verdict.Status.CONTRADICTED) {
                return failure.withEvidence(evidence, coverage, similarity); // the most telling reason
            }
            if (failure != null && missing == null) {
                missing = failure;
            }
        }
        if (missing != null) {
            return missing.withEvidence(evidence, coverage, similarity);
        }
        if (claim.kind() == Claim.Kind.QUESTION) {
            return Verdict.supported(evidence, coverage, similarity);
        }
        for (Clause part : said.parts()) {
            if (part.terms().stream().noneMatch(t -> sharedStem(t, support.terms()))) {
                return new Verdict(Verdict.Status.NOT_SUPPORTED, "the source does not say “" + part.text() + "”",
                        evidence, coverage, similarity);
            }
        }
        if (enough(coverage, similarity)) {
            return Verdict.supported(evidence, coverage, similarity);
        }
        return new Verdict(Verdict.Status.NOT_SUPPORTED, "the source does not say this", evidence, coverage, similarity);
    }

    /** Whether the wording is close enough, once numbers, names, polarity and roles agree. */
    static boolean enough(double coverage, double similarity) {
        if (Double.isNaN(similarity)) {
            return coverage >= MIN_COVERAGE;
        }
        return coverage >= MIN_COVERAGE_WITH_MEANING && similarity + COVERAGE_WEIGHT * coverage >= MIN_SCORE;
    }

    /** The term, or a term with its stem ("regularli" and "regular"), is among {@code terms}. */
    private static boolean sharedStem(String term, java.util.Set<String> terms) {
        if (terms.contains(term)) {
            return true;
        }
        String stem = Grammar.stem(term);
        return term.length() >= 5 && terms.stream().anyMatch(t -> Grammar.stem(t).equals(stem));
    }

    private double similarity(String claim, Evidence evidence) {
        double best = Double.NaN;
        for (Span sentence : evidence.sentences()) {
            OptionalDouble s = meaning.similarity(claim, evidence.documentId(), sentence);
            if (s.isPresent() && (Double.isNaN(best) || s.getAsDouble() > best)) {
                best = s.getAsDouble();
            }
        }
        return best;
    }

    private Reading read(String text, Lexicon lexicon) {
        return readings.get(new ReadingKey(text, lexicon), k -> reader.read(text, lexicon));
    }

    /** A sentence is read once per document lexicon (what counts as a name depends on it). */
    private record ReadingKey(String text, Lexicon lexicon) {
    }
}
