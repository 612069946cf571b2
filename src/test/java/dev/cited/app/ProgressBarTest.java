package dev.cited.app;

import dev.cited.collection.CollectionProgress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressBarTest {

    private static CollectionProgress progress(String state, int found, int read, int passages, int embedded,
                                               Double perSecond, Long secondsLeft) {
        return new CollectionProgress(state, new CollectionProgress.Files(found, read, read, 0, 0),
                new CollectionProgress.Passages(passages, embedded), true, perSecond, secondsLeft);
    }

    @Test
    void givenEachState_whenRendered_thenTheBarAndWordsSayHowFarItIs() {
        assertEquals("[######------------------]  25% reading files: 250 of 1,000",
                ProgressBar.render(progress("reading", 1000, 250, 0, 0, null, null)));
        assertEquals("[########################] 100% indexing 1,000 files for BM25",
                ProgressBar.render(progress("indexing", 1000, 1000, 0, 0, null, null)));
        assertEquals("[############------------]  50% answerable; vectors 50,000 of 100,000 passages, 150/s, about 6 min left",
                ProgressBar.render(progress("embedding", 1000, 1000, 100_000, 50_000, 150.0, 333L)));
        assertEquals("[########################] 100% ready: 1,000 files, 100,000 passages",
                ProgressBar.render(progress("ready", 1000, 1000, 100_000, 100_000, null, null)));
    }

    @Test
    void givenTimesLeft_whenWritten_thenInTheUnitAPersonReads() {
        assertEquals("45 s", ProgressBar.duration(45));
        assertEquals("6 min", ProgressBar.duration(333));
        assertEquals("2.0 h", ProgressBar.duration(7200));
    }
}
