package dev.cited.grounding;

import dev.cited.chunking.Span;
import dev.cited.citation.Quote;

import java.util.List;
import java.util.Set;

/**
 * One candidate support for a claim: a sentence, or two consecutive sentences, of a passage that was sent,
 * with the sentences before it (where "he" or "the two leaders" was named).
 */
public final class Evidence {
    private final Quote quote;
    private final List<Span> sentences;
    private final String previous;
    private final String next;
    private final Set<Integer> passages;
    private final Lexicon lexicon;

    Evidence(Quote quote, List<Span> sentences, String previous, String next, Set<Integer> passages, Lexicon lexicon) {
        this.quote = quote;
        this.sentences = List.copyOf(sentences);
        this.previous = previous;
        this.next = next;
        this.passages = Set.copyOf(passages);
        this.lexicon = lexicon;
    }

    /** The sentence or two sentences it is made of. */
    public List<Span> sentences() {
        return sentences;
    }

    /** The exact text offered as support, with its document and offsets. */
    public Quote quote() {
        return quote;
    }

    public String title() {
        return quote.title();
    }

    public String documentId() {
        return quote.documentId();
    }

    public String text() {
        return quote.text();
    }

    public Span span() {
        return new Span(quote.start(), quote.end());
    }

    /** The sentences just before the support in its document (where "he" was named); empty at its start. */
    public String previous() {
        return previous;
    }

    /** The sentence just after the support; empty at the end of a document. */
    public String next() {
        return next;
    }

    /** Which of the passages sent hold it, numbered from 1 as the answerer saw them. */
    public Set<Integer> passages() {
        return passages;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    @Override
    public String toString() {
        return quote.documentId() + "[" + quote.start() + "," + quote.end() + ") " + quote.text();
    }
}
