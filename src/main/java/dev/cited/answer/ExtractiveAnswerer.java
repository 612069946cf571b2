package dev.cited.answer;

import dev.cited.grounding.Claim;
import dev.cited.grounding.ClaimVerifier;
import dev.cited.grounding.EvidencePool;
import dev.cited.grounding.SentenceSupport;
import dev.cited.grounding.StatementVerdict;
import dev.cited.grounding.Verdict;
import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;
import dev.cited.citation.CitationAssembler;
import dev.cited.citation.CitedText;
import dev.cited.citation.Quote;
import dev.cited.retrieval.ScoredPassage;
import dev.cited.retrieval.SentenceSimilarity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The offline default: answers with the retrieved sentences that best match the question, each cited,
 * and abstains when none matches well enough. A sentence is judged by its meaning (embedding similarity
 * to the question, when the index has vectors) and by the share of the question's informative terms it
 * holds, rare terms weighing most, so a question whose key word ("Brazil", "World Cup") appears nowhere
 * is not answered from a common word. A question that plainly asks for a number, an amount of money, a
 * time or a name is only answered by a sentence that holds one ("how many copies" by one that speaks of
 * copies), and one about how things were before by a sentence that speaks of an earlier time.
 */
public final class ExtractiveAnswerer implements Answerer {
    /** Weight of term coverage next to embedding similarity in a sentence's score. */
    static final double COVERAGE_WEIGHT = 0.3;
    /**
     * With embeddings: the score (similarity + weighted coverage) a sentence needs to be an answer, as
     * calibrated for bge-small-en-v1.5; other models bring their own (similarities differ between models).
     */
    public static final double DEFAULT_MIN_SCORE = 0.66;
    /** Without embeddings: a sentence must hold this rarity-weighted share of the question's terms... */
    static final double MIN_SENTENCE_COVERAGE = 0.5;
    /** ...or a smaller share when its passage holds most of them (the subject named a sentence earlier). */
    static final double MIN_SENTENCE_COVERAGE_IN_CONTEXT = 0.3;
    static final double MIN_PASSAGE_COVERAGE = 0.65;
    /**
     * A sentence answering a question after one particular fact (a number, a name, a date…) must hold this
     * share of its terms: "$14 billion" in a sentence about Poland's deal does not price Seoul's.
     */
    static final double MIN_SPECIFIC_COVERAGE = 0.3;
    static final int MAX_SENTENCES = 2;
    /** A question is off-topic when at least this many of its terms, and this share, occur in no document. */
    static final int MIN_ABSENT_TERMS = 2;
    static final double MAX_ABSENT_SHARE = 0.6;
    /** An overview quotes the opening of at most this many documents. */
    static final int MAX_OVERVIEW_DOCUMENTS = 3;
    /** A second sentence must score at least this share of the best one. */
    static final double SECOND_SENTENCE_RATIO = 0.9;
    /**
     * A second sentence must add this much rarity-weighted coverage of the question: names the first one
     * implies ("North Korea", "Russia") add little, the fact asked about adds much.
     */
    static final double MIN_SECOND_SENTENCE_GAIN = 0.1;
    /** ...or this share when it is right next to the best one. */
    static final double ADJACENT_SENTENCE_RATIO = 0.7;

    /** Candidates checked against the question before giving up: the rest score too low to matter. */
    static final int MAX_CHECKED = 8;
    /**
     * When the best sentence lacks a name or number the question has, the next one may answer instead, if it
     * scores nearly as well: a much weaker one merely shares the subject.
     */
    static final double NEXT_CANDIDATE_RATIO = 0.8;

    private final SentenceSupport support;
    private final SentenceSimilarity similarity;
    private final double minScore;
    private final ClaimVerifier verifier;
    private final EvidencePool evidence;

    /**
     * @param minScore the score a sentence needs with this embedding model (see {@link #DEFAULT_MIN_SCORE})
     * @param verifier checks that a candidate holds the question's numbers and names and does not contradict it
     */
    public ExtractiveAnswerer(SentenceSupport support, SentenceSimilarity similarity, double minScore,
                              ClaimVerifier verifier, EvidencePool evidence) {
        this.support = support;
        this.similarity = similarity;
        this.minScore = minScore;
        this.verifier = verifier;
        this.evidence = evidence;
    }

    @Override
    public Answer answer(AnswerContext context, TokenListener listener) {
        String query = context.searchQuery();
        Set<String> wanted = support.informativeTerms(context.query().terms());
        Demand demand = Demand.of(context.question());
        List<StatementVerdict> checks = new ArrayList<>();
        List<Candidate> chosen = context.query().overview() ? openings(context.passages())
                : choose(candidates(query, context.passages(), wanted, demand), wanted, demand.specific(),
                Claim.question(context.question()), checks);
        if (chosen.isEmpty()) {
            Answer abstention = nearMiss(checks)
                    .map(v -> Answer.abstain("The closest passage says something else: " + v.reason() + ".", List.of(),
                            checks))
                    .orElse(Answer.abstain().withVerdicts(checks));
            listener.onToken(abstention.text());
            return abstention;
        }
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < chosen.size(); i++) {
            if (i > 0) {
                raw.append(' ');
            }
            raw.append(CitationAssembler.attach(chosen.get(i).text, i + 1));
        }
        CitedText cited = CitationAssembler.assemble(raw.toString(), (marker, claim) -> marker >= 1
                && marker <= chosen.size() ? Optional.of(chosen.get(marker - 1).quote()) : Optional.empty());
        stream(cited.text(), listener);
        return new Answer(cited.text(), true, cited.citations(), List.of(), checks);
    }

    /** For "What are the documents about?": the first sentence past the headline of each retrieved document. */
    private List<Candidate> openings(List<ScoredPassage> passages) {
        List<Candidate> chosen = new ArrayList<>();
        for (ScoredPassage hit : passages) {
            Passage passage = hit.passage();
            passage.sentences().stream()
                    .filter(s -> !passage.textOf(s).equals(passage.documentTitle()) && !isQuestion(passage.textOf(s)))
                    .findFirst()
                    .ifPresent(s -> chosen.add(new Candidate(passage, s, passage.textOf(s), Set.of(), 0, 0, false, 0, 0)));
            if (chosen.size() >= MAX_OVERVIEW_DOCUMENTS) {
                break;
            }
        }
        return chosen;
    }

    private List<Candidate> candidates(String query, List<ScoredPassage> passages, Set<String> wanted,
                                       Demand demand) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        similarity.prepare(passages.stream().map(ScoredPassage::passage).toList());
        for (int rank = 0; rank < passages.size(); rank++) {
            Passage passage = passages.get(rank).passage();
            double passageCoverage = support.coverage(wanted, support.termsOf(passage.text()));
            for (Span sentence : passage.sentences()) {
                if (!seen.add(passage.documentId() + ":" + sentence.start())) {
                    continue; // passages overlap: score each sentence once, at its best rank
                }
                String text = passage.textOf(sentence);
                if (!demand.heldBy(text) || isQuestion(text)) {
                    continue; // a question in the text ("Which nation is…?") answers nothing
                }
                Set<String> terms = support.termsOf(text);
                double coverage = support.coverage(wanted, terms);
                OptionalDouble meaning = similarity.similarity(query, passage.documentId(), sentence);
                double score = meaning.isPresent()
                        ? meaning.getAsDouble() + COVERAGE_WEIGHT * coverage
                        : 0.75 * coverage + 0.25 * passageCoverage;
                score += 0.01 / (rank + 1); // equal scores: prefer the better-ranked passage
                candidates.add(new Candidate(passage, sentence, text, terms, coverage, passageCoverage,
                        meaning.isPresent(), score, rank + 1));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> c.passage.documentId()).thenComparingInt(c -> c.sentence.start()));
        return candidates;
    }

    /**
     * The best candidate that answers the question, and a second sentence when it adds to it.
     *
     * @param specific the question is after one particular fact ({@link Demand#specific()})
     * @param question checked against each candidate: its numbers, names, polarity and roles must hold there
     * @param checks   receives the verdict on every candidate checked
     */
    private List<Candidate> choose(List<Candidate> candidates, Set<String> wanted, boolean specific, Claim question,
                                   List<StatementVerdict> checks) {
        List<Candidate> chosen = new ArrayList<>();
        if (wanted.isEmpty() || candidates.isEmpty() || offTopic(wanted)) {
            return chosen;
        }
        Candidate best = null;
        int bestAt = -1;
        Candidate top = candidates.get(0);
        for (int i = 0; i < Math.min(MAX_CHECKED, candidates.size()); i++) {
            Candidate c = candidates.get(i);
            if (!supports(c, specific) || c.score < NEXT_CANDIDATE_RATIO * top.score) {
                break; // the rest score lower still: they answer a question that was not asked
            }
            Verdict v = check(question, c, checks);
            if (v.supported()) {
                best = c;
                bestAt = i;
                break;
            }
            if (v.status() == Verdict.Status.CONTRADICTED) {
                break; // written from this sentence with a detail changed: the documents don't say
            }
        }
        if (best == null) {
            return chosen;
        }
        chosen.add(best);
        Set<String> covered = new HashSet<>(best.terms);
        // Those before the best one failed their check already: a second sentence comes from after it.
        for (Candidate next : candidates.subList(bestAt + 1, candidates.size())) {
            if (chosen.size() >= MAX_SENTENCES) {
                break;
            }
            // The sentence next to the best one often finishes its thought ("…said Stoltenberg. “North Korea
            // is providing…”"), so it may score lower than an unrelated sentence would need to.
            boolean adjacent = adjacent(best, next);
            double ratio = adjacent ? ADJACENT_SENTENCE_RATIO : SECOND_SENTENCE_RATIO;
            if (next.score < ratio * best.score || (!adjacent && !supports(next, specific))
                    || !check(question, next, checks).supported()) {
                continue;
            }
            Set<String> union = new HashSet<>(covered);
            union.addAll(next.terms);
            // A second sentence only when it adds a real part of the question the first one left out.
            if (support.coverage(wanted, union) - support.coverage(wanted, covered) >= MIN_SECOND_SENTENCE_GAIN) {
                chosen.add(next);
                covered = union;
            }
        }
        chosen.sort(Comparator.comparing((Candidate c) -> c.passage.documentId()).thenComparingInt(c -> c.sentence.start()));
        return chosen;
    }

    /**
     * When no candidate answered, the verdict that stopped the search if a sentence contradicted the question
     * (it was written from it with a detail changed): the user is told what differs.
     */
    private static Optional<StatementVerdict> nearMiss(List<StatementVerdict> checks) {
        String contradicted = Verdict.Status.CONTRADICTED.label();
        return checks.stream().filter(v -> v.verdict().equals(contradicted)).findFirst();
    }

    /** Whether the candidate holds the question's numbers and names, and says nothing contrary to it. */
    private Verdict check(Claim question, Candidate c, List<StatementVerdict> checks) {
        int index = c.passage.sentences().indexOf(c.sentence);
        Verdict v = verifier.verify(question, evidence.evidence(c.passage, index, 1, Set.of(c.rank)));
        checks.add(StatementVerdict.of(question.text(), v));
        return v;
    }

    /** Consecutive sentences of one document: only the space between them separates them. */
    private static boolean adjacent(Candidate a, Candidate b) {
        if (!a.passage.documentId().equals(b.passage.documentId())) {
            return false;
        }
        int gap = a.sentence.start() < b.sentence.start()
                ? b.sentence.start() - a.sentence.end() : a.sentence.start() - b.sentence.end();
        return gap >= 0 && gap <= 2;
    }

    private static boolean isQuestion(String sentence) {
        String s = sentence.stripTrailing();
        return s.endsWith("?") || s.endsWith("?”") || s.endsWith("?\"");
    }

    /**
     * Most of what the question asks about appears nowhere in the documents ("What did Borrell say about
     * climate change?"): then a sentence that is merely close in meaning is not an answer.
     */
    private boolean offTopic(Set<String> wanted) {
        long absent = support.absentFromDocuments(wanted);
        return absent >= MIN_ABSENT_TERMS && absent >= MAX_ABSENT_SHARE * wanted.size();
    }

    private boolean supports(Candidate c, boolean specific) {
        if (specific && c.coverage < MIN_SPECIFIC_COVERAGE) {
            return false;
        }
        if (c.semantic) {
            return c.score >= minScore;
        }
        return c.coverage >= MIN_SENTENCE_COVERAGE
                || (c.coverage >= MIN_SENTENCE_COVERAGE_IN_CONTEXT && c.passageCoverage >= MIN_PASSAGE_COVERAGE);
    }

    /** Streams the finished text word by word so every face can show progress the same way. */
    private static void stream(String text, TokenListener listener) {
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                listener.onToken(text.substring(start, i));
                start = i;
            }
        }
    }

    @Override
    public String name() {
        return "extractive";
    }

    /**
     * What a sentence must hold to answer the question at all, whatever its score: the kind of fact asked
     * for, what a "how many" question counts, and an earlier time when the question asks how things were before.
     */
    private record Demand(String question, AnswerType type, CountedThing counted, boolean prior) {
        static Demand of(String question) {
            return new Demand(question, AnswerType.of(question), CountedThing.of(question), PriorState.asked(question));
        }

        boolean heldBy(String sentence) {
            return type.canBeAnsweredBy(sentence, question) && counted.namedIn(sentence)
                    && (!prior || PriorState.spokenOfIn(sentence));
        }

        /** A question after one particular fact: a sentence holding such a fact must also be about its subject. */
        boolean specific() {
            return type != AnswerType.ANY || prior;
        }
    }

    /** @param rank the candidate's passage's place among those retrieved, from 1 */
    private record Candidate(Passage passage, Span sentence, String text, Set<String> terms, double coverage,
                             double passageCoverage, boolean semantic, double score, int rank) {
        Quote quote() {
            return new Quote(passage.documentId(), passage.documentTitle(), sentence.start(), sentence.end(), text,
                    passage.pageAt(sentence.start()));
        }
    }
}
