package dev.cited.chunking;

import dev.cited.document.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups sentences into passages of a few sentences that overlap by one, so a fact that straddles a
 * passage boundary is still retrievable as one piece.
 */
public final class PassageChunker {
    private final SentenceSplitter splitter;
    private final int sentencesPerPassage;
    private final int overlap;
    private final int maxChars;

    public PassageChunker() {
        this(new SentenceSplitter(), 3, 1, 900);
    }

    public PassageChunker(SentenceSplitter splitter, int sentencesPerPassage, int overlap, int maxChars) {
        if (overlap >= sentencesPerPassage) {
            throw new IllegalArgumentException("overlap must be smaller than sentencesPerPassage");
        }
        this.splitter = splitter;
        this.sentencesPerPassage = sentencesPerPassage;
        this.overlap = overlap;
        this.maxChars = maxChars;
    }

    /** A description of the settings, part of the on-disk index fingerprint. */
    public String signature() {
        return "sentences=" + sentencesPerPassage + ",overlap=" + overlap + ",maxChars=" + maxChars + ",v2"; // v2: emphasis opens a sentence
    }

    public List<Passage> chunk(Document document) {
        List<Span> sentences = splitter.split(document.text());
        List<Passage> passages = new ArrayList<>();
        int first = 0;
        while (first < sentences.size()) {
            int last = first; // inclusive
            while (last + 1 < sentences.size() && last + 1 - first < sentencesPerPassage
                    && sentences.get(last + 1).end() - sentences.get(first).start() <= maxChars) {
                last++;
            }
            List<Span> group = sentences.subList(first, last + 1);
            int start = group.get(0).start();
            int end = group.get(group.size() - 1).end();
            int ordinal = passages.size();
            passages.add(new Passage(document.id() + "#" + ordinal, document.id(), document.title(), ordinal,
                    start, end, document.text().substring(start, end), group, document.pageStarts()));
            if (last + 1 >= sentences.size()) {
                break;
            }
            first = Math.max(first + 1, last + 1 - overlap);
        }
        return passages;
    }
}
