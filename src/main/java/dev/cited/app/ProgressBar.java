package dev.cited.app;

import dev.cited.collection.CollectionProgress;

import java.util.Locale;

/** One line saying how far a collection is, with a bar when the fraction done is known. */
final class ProgressBar {
    static final int WIDTH = 24;

    private ProgressBar() {
    }

    static String render(CollectionProgress p) {
        CollectionProgress.Files files = p.files();
        CollectionProgress.Passages passages = p.passages();
        return switch (p.state()) {
            case "reading" -> bar(files.found() == 0 ? 0 : (double) files.read() / files.found())
                    + String.format(Locale.ROOT, " reading files: %,d of %,d", files.read(), files.found());
            case "indexing" -> bar(1) + String.format(Locale.ROOT, " indexing %,d files for BM25", files.read());
            case "embedding" -> bar(passages.total() == 0 ? 0 : (double) passages.embedded() / passages.total())
                    + String.format(Locale.ROOT, " answerable; vectors %,d of %,d passages%s%s", passages.embedded(),
                    passages.total(), p.perSecond() == null ? "" : String.format(Locale.ROOT, ", %.0f/s", p.perSecond()),
                    p.secondsLeft() == null ? "" : ", about " + duration(p.secondsLeft()) + " left");
            default -> bar(1) + String.format(Locale.ROOT, " ready: %,d files, %,d passages%s", files.indexed(),
                    passages.total(), files.skipped() + files.failed() == 0 ? ""
                            : String.format(Locale.ROOT, " (%,d files not indexed: see /api/files)",
                            files.skipped() + files.failed()));
        };
    }

    private static String bar(double fraction) {
        double done = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(done * WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", (int) Math.floor(done * 100));
    }

    static String duration(long seconds) {
        return seconds < 90 ? seconds + " s" : seconds < 5400 ? Math.round(seconds / 60.0) + " min"
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
}
