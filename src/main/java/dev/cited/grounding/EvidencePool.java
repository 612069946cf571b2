package dev.cited.grounding;

import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;
import dev.cited.citation.Quote;
import dev.cited.document.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The candidate supports among the passages sent to an answerer: each sentence, and each two consecutive
 * sentences of a passage (a claim often joins two), numbered by the passages that hold them.
 */
public final class EvidencePool {
    private final Function<String, Optional<Document>> documents;
    private final Function<String, Optional<Passage>> passages;
    /** How far back a name may have been given that the support refers to ("he", "the two leaders"). */
    static final int SENTENCES_BEFORE = 2;
    private final Lexicons lexicons = new Lexicons();

    /**
     * @param documents every document by id
     * @param passages  every passage by id ("{documentId}#{ordinal}"), to find the sentence before a passage
     */
    public EvidencePool(Function<String, Optional<Document>> documents, Function<String, Optional<Passage>> passages) {
        this.documents = documents;
        this.passages = passages;
    }

    /** Every candidate support in {@code sent}, in order, each once, with the numbers (from 1) of the passages holding it. */
    public List<Evidence> candidates(List<Passage> sent) {
        Map<String, Found> found = new LinkedHashMap<>();
        for (int p = 0; p < sent.size(); p++) {
            Passage passage = sent.get(p);
            List<Span> sentences = passage.sentences();
            for (int i = 0; i < sentences.size(); i++) {
                for (int count = 1; count <= 2 && i + count <= sentences.size(); count++) {
                    String key = passage.documentId() + ":" + sentences.get(i).start() + ":"
                            + sentences.get(i + count - 1).end();
                    int first = i;
                    int n = count;
                    found.computeIfAbsent(key, k -> new Found(passage, first, n, new TreeSet<>())).numbers.add(p + 1);
                }
            }
        }
        List<Evidence> candidates = new ArrayList<>();
        for (Found f : found.values()) {
            candidates.add(evidence(f.passage, f.first, f.count, f.numbers));
        }
        return candidates;
    }

    /** A span of sentences found in the passages sent, and the numbers of the passages that hold it. */
    private record Found(Passage passage, int first, int count, Set<Integer> numbers) {
    }

    /** Sentences {@code first} to {@code first + count - 1} of {@code passage} as a candidate support. */
    public Evidence evidence(Passage passage, int first, int count, Set<Integer> numbers) {
        List<Span> spans = passage.sentences().subList(first, first + count);
        Span span = new Span(spans.get(0).start(), spans.get(spans.size() - 1).end());
        Quote quote = new Quote(passage.documentId(), passage.documentTitle(), span.start(), span.end(),
                passage.textOf(span), passage.pageAt(span.start()));
        Document document = documents.apply(passage.documentId()).orElseThrow(
                () -> new IllegalStateException("No document " + passage.documentId() + " for passage " + passage.id()));
        return new Evidence(quote, spans, sentenceBefore(passage, first), sentenceAfter(passage, first + count - 1),
                numbers, lexicons.of(document));
    }

    /** The sentence after sentence {@code index} of {@code passage}, from the next passage when it is the last. */
    private String sentenceAfter(Passage passage, int index) {
        if (index + 1 < passage.sentences().size()) {
            return passage.textOf(passage.sentences().get(index + 1));
        }
        int end = passage.sentences().get(index).end();
        return passages.apply(passage.documentId() + "#" + (passage.ordinal() + 1))
                .flatMap(later -> later.sentences().stream().filter(s -> s.start() >= end).findFirst().map(later::textOf))
                .orElse("");
    }

    /** The (up to) {@link #SENTENCES_BEFORE} sentences before sentence {@code index} of {@code passage}, in order. */
    private String sentenceBefore(Passage passage, int index) {
        List<String> before = new ArrayList<>();
        Passage current = passage;
        int start = passage.sentences().get(index).start();
        while (before.size() < SENTENCES_BEFORE && current != null) {
            List<Span> sentences = current.sentences();
            for (int i = sentences.size() - 1; i >= 0 && before.size() < SENTENCES_BEFORE; i--) {
                Span s = sentences.get(i);
                if (s.end() <= start) {
                    before.add(0, current.textOf(s));
                    start = s.start();
                }
            }
            current = current.ordinal() == 0 ? null
                    : passages.apply(current.documentId() + "#" + (current.ordinal() - 1)).orElse(null);
        }
        return String.join(" ", before);
    }
}
