package dev.cited.eval;

import java.util.List;
import java.util.Locale;

/** How a score below its floor is reported: one readable line. */
final class Floors {
    private Floors() {
    }

    static void check(List<String> misses, String name, double value, double minimum) {
        if (!Double.isNaN(value) && value < minimum) {
            misses.add(String.format(Locale.ROOT, "%s %.1f%% is below %.1f%%", name, value * 100, minimum * 100));
        }
    }
}
