package dev.cited.index;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Embeds a long list in slices and logs how far it got, so the first start on a large folder (minutes, on a
 * small CPU) reads as work in progress rather than a hang.
 */
final class ProgressiveEmbedding {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressiveEmbedding.class);
    static final int SLICE = 512;
    private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private ProgressiveEmbedding() {
    }

    /** The vectors of {@code texts}, in order; {@code what} names them in the log ("passages"). */
    static List<float[]> embedAll(Embedder embedder, List<String> texts, String what) {
        if (texts.size() <= SLICE) {
            return embedder.embedAll(texts);
        }
        LOG.info("Embedding {} {} with {}", count(texts.size()), what, embedder.name());
        long started = System.nanoTime();
        long reported = started;
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += SLICE) {
            vectors.addAll(embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + SLICE))));
            long now = System.nanoTime();
            if (now - reported >= REPORT_EVERY_NANOS || vectors.size() == texts.size()) {
                LOG.info("Embedded {} of {} {} in {} s", count(vectors.size()), count(texts.size()), what,
                        TimeUnit.NANOSECONDS.toSeconds(now - started));
                reported = now;
            }
        }
        return vectors;
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
