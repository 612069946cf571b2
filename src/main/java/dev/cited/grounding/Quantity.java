package dev.cited.grounding;

/**
 * A number, amount, percentage, year or date as written in a text, with its value worked out.
 *
 * @param values what the words can mean: usually one value, two for "6m" (six million, or six metres)
 * @param exact  for what compares by name, not value: a month, weekday or season ("june"), or a version
 *               ("1.2.0"); otherwise null
 * @param unit   the unit it counts, when the text names one ("hour", "km"); otherwise null
 * @param text   as written ("13,000", "half a million", "$14 billion", "June"), for reasons a user reads
 * @param start  where it starts in the text it was read from
 * @param ordinal a place in an order ("third"), not a count
 */
record Quantity(double[] values, String exact, String unit, String text, int start, boolean ordinal) {

    static Quantity number(String text, int start, String unit, double... values) {
        return new Quantity(values, null, unit, text, start, false);
    }

    /** "third", "secondly", "10th": a place in an order. */
    static Quantity ordinal(String text, int start, double value) {
        return new Quantity(new double[]{value}, null, null, text, start, true);
    }

    static Quantity exact(String text, int start, String name) {
        return new Quantity(new double[0], name, null, text, start, false);
    }

    /** Whether the two can say the same thing: "13,000" = "13000", "6m" = "6 million", "June" = "june". */
    boolean sameAs(Quantity other) {
        if (exact != null || other.exact != null) {
            if (exact != null && other.exact != null) {
                return exact.equals(other.exact);
            }
            Quantity version = exact != null ? this : other;
            Quantity number = exact != null ? other : this;
            return version.exact.startsWith(number.text + "."); // "3.4" for the series of "3.4.10"
        }
        if (unit != null && other.unit != null && !unit.equals(other.unit)) {
            return false; // "one day" is not "one hour"
        }
        for (double a : values) {
            for (double b : other.values) {
                if (Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A month, weekday or season: compared with other dates only. */
    boolean isDate() {
        return exact != null && Character.isLetter(exact.charAt(0));
    }

    int end() {
        return start + text.length();
    }
}
