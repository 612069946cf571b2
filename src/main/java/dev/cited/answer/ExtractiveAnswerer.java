package dev.cited.answer;

import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;
import dev.cited.citation.CitationAssembler;
import dev.cited.citation.CitedText;
import dev.cited.citation.Quote;
import dev.cited.retrieval.ScoredPassage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The offline default: answers with the retrieved sentences that best cover the question's informative
 * terms, each cited, and abstains when no sentence covers enough of them. Rare terms weigh most, so a
 * question whose key word ("Brazil", "World Cup") appears nowhere is not answered from a common word.
 */
public final class ExtractiveAnswerer implements Answerer {
    /** A sentence must hold at least this rarity-weighted share of the question's terms... */
    static final double MIN_SENTENCE_COVERAGE = 0.5;
    /** ...or a smaller share when its passage holds most of them (the subject named a sentence earlier). */
    static final double MIN_SENTENCE_COVERAGE_IN_CONTEXT = 0.3;
    static final double MIN_PASSAGE_COVERAGE = 0.65;
    static final int MAX_SENTENCES = 2;

    private final SentenceSupport support;

    public ExtractiveAnswerer(SentenceSupport support) {
        this.support = support;
    }

    @Override
    public Answer answer(AnswerContext context, TokenListener listener) {
        Set<String> wanted = support.informativeTerms(context.searchQuery());
        List<Candidate> candidates = candidates(context.passages(), wanted);
        List<Candidate> chosen = choose(candidates, wanted);
        if (chosen.isEmpty()) {
            Answer abstention = Answer.abstain();
            listener.onToken(abstention.text());
            return abstention;
        }
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < chosen.size(); i++) {
            if (i > 0) {
                raw.append(' ');
            }
            raw.append(withMarker(chosen.get(i).text, i + 1));
        }
        CitedText cited = CitationAssembler.assemble(raw.toString(), (marker, claim) -> marker >= 1
                && marker <= chosen.size() ? Optional.of(chosen.get(marker - 1).quote()) : Optional.empty());
        stream(cited.text(), listener);
        return new Answer(cited.text(), true, cited.citations());
    }

    private List<Candidate> candidates(List<ScoredPassage> passages, Set<String> wanted) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int rank = 0; rank < passages.size(); rank++) {
            Passage passage = passages.get(rank).passage();
            double passageCoverage = support.coverage(wanted, support.termsOf(passage.text()));
            for (Span sentence : passage.sentences()) {
                if (!seen.add(passage.documentId() + ":" + sentence.start())) {
                    continue; // passages overlap: score each sentence once, at its best rank
                }
                String text = passage.textOf(sentence);
                Set<String> terms = support.termsOf(text);
                double coverage = support.coverage(wanted, terms);
                double score = 0.75 * coverage + 0.25 * passageCoverage + 0.05 / (rank + 1);
                candidates.add(new Candidate(passage, sentence, text, terms, coverage, passageCoverage, score));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> c.passage.documentId()).thenComparingInt(c -> c.sentence.start()));
        return candidates;
    }

    private List<Candidate> choose(List<Candidate> candidates, Set<String> wanted) {
        List<Candidate> chosen = new ArrayList<>();
        if (wanted.isEmpty() || candidates.isEmpty() || !supports(candidates.get(0))) {
            return chosen;
        }
        Candidate best = candidates.get(0);
        chosen.add(best);
        Set<String> covered = new HashSet<>(best.terms);
        for (Candidate next : candidates.subList(1, candidates.size())) {
            if (chosen.size() >= MAX_SENTENCES || next.score < 0.8 * best.score) {
                break;
            }
            Set<String> union = new HashSet<>(covered);
            union.addAll(next.terms);
            // A second sentence only when it adds part of the question the first one left out.
            if (supports(next) && support.coverage(wanted, union) >= support.coverage(wanted, covered) + 0.1) {
                chosen.add(next);
                covered = union;
            }
        }
        return chosen;
    }

    private static boolean supports(Candidate c) {
        return c.coverage >= MIN_SENTENCE_COVERAGE
                || (c.coverage >= MIN_SENTENCE_COVERAGE_IN_CONTEXT && c.passageCoverage >= MIN_PASSAGE_COVERAGE);
    }

    /** "… shells." becomes "… shells [1]." so the marker sits inside the sentence it supports. */
    static String withMarker(String sentence, int marker) {
        String tag = " [" + marker + "]";
        if (sentence.endsWith(".") || sentence.endsWith("!") || sentence.endsWith("?")) {
            return sentence.substring(0, sentence.length() - 1) + tag + sentence.charAt(sentence.length() - 1);
        }
        return sentence + tag;
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

    private record Candidate(Passage passage, Span sentence, String text, Set<String> terms, double coverage,
                             double passageCoverage, double score) {
        Quote quote() {
            return new Quote(passage.documentId(), passage.documentTitle(), sentence.start(), sentence.end(), text);
        }
    }
}
