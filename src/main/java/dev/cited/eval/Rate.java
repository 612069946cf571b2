package dev.cited.eval;

/** Counts of a yes/no outcome, as a rate in [0, 1]; NaN when nothing was counted. */
final class Rate {
    private int yes;
    private int total;

    void add(boolean outcome) {
        total++;
        if (outcome) {
            yes++;
        }
    }

    double rate() {
        return total == 0 ? Double.NaN : (double) yes / total;
    }
}
