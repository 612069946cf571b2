package dev.cited.chunking;

import dev.cited.document.Document;
import dev.cited.document.DocumentLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassageChunkerTest {

    @Test
    void givenTheSeeds_whenChunked_thenPassagesQuoteExactlyOverlapByOneAndCoverEverySentence() {
        PassageChunker chunker = new PassageChunker();
        for (Document d : DocumentLoader.load(Path.of("seeds"))) {
            List<Passage> passages = chunker.chunk(d);
            Set<Span> covered = new HashSet<>();
            for (int i = 0; i < passages.size(); i++) {
                Passage p = passages.get(i);
                assertEquals(d.text().substring(p.start(), p.end()), p.text());
                assertEquals(d.id() + "#" + i, p.id());
                assertTrue(p.sentences().size() <= 3);
                p.sentences().forEach(s -> assertEquals(s.of(d.text()), p.textOf(s)));
                covered.addAll(p.sentences());
                if (i > 0) {
                    List<Span> previous = passages.get(i - 1).sentences();
                    assertEquals(previous.get(previous.size() - 1), p.sentences().get(0), "one sentence of overlap");
                }
            }
            assertEquals(new HashSet<>(new SentenceSplitter().split(d.text())), covered);
        }
    }
}
