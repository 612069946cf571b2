package dev.cited.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the numbers, amounts, percentages, years and dates of a text and works out their values, so
 * differently written forms compare equal: "13,000" and "13000"; "6m", "6 million" and "six million";
 * "half a million" and "500,000"; "$14 billion" and "$14bn"; "a dozen" and "12"; "seven decades" and "70".
 * Vague plurals ("thousands of") and a bare "one" ("one of the few") are not quantities.
 */
final class Quantities {
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5),
            Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9),
            Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
            Map.entry("fifteenth", 15), Map.entry("twentieth", 20), Map.entry("hundredth", 100),
            Map.entry("secondly", 2), Map.entry("thirdly", 3), Map.entry("fourthly", 4));
    private static final Map<String, Double> MULTIPLIERS = Map.of("hundred", 1e2, "thousand", 1e3,
            "million", 1e6, "billion", 1e9, "trillion", 1e12, "mln", 1e6, "bln", 1e9, "bn", 1e9, "tn", 1e12);
    private static final Map<String, Double> SUFFIXES = Map.of("k", 1e3, "m", 1e6, "bn", 1e9, "b", 1e9,
            "tn", 1e12);
    /** Units a number may count, by the words that name them. */
    private static final Map<String, String> UNITS_NAMED = Map.ofEntries(
            Map.entry("second", "second"), Map.entry("seconds", "second"), Map.entry("minute", "minute"),
            Map.entry("minutes", "minute"), Map.entry("hour", "hour"), Map.entry("hours", "hour"),
            Map.entry("day", "day"), Map.entry("days", "day"), Map.entry("week", "week"), Map.entry("weeks", "week"),
            Map.entry("month", "month"), Map.entry("months", "month"), Map.entry("year", "year"),
            Map.entry("years", "year"), Map.entry("km", "km"), Map.entry("kilometres", "km"),
            Map.entry("kilometers", "km"), Map.entry("kilometre", "km"), Map.entry("kilometer", "km"),
            Map.entry("mile", "mile"), Map.entry("miles", "mile"), Map.entry("metres", "metre"),
            Map.entry("meters", "metre"), Map.entry("metre", "metre"), Map.entry("meter", "metre"),
            Map.entry("mm", "mm"), Map.entry("millimetre", "mm"), Map.entry("millimetres", "mm"),
            Map.entry("millimeter", "mm"), Map.entry("kg", "kg"), Map.entry("kilograms", "kg"),
            Map.entry("tonnes", "tonne"), Map.entry("tons", "tonne"), Map.entry("percent", "%"),
            Map.entry("per", "%"), Map.entry("%", "%"));
    private static final Set<String> DATES = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "spring", "summer", "autumn", "winter");

    private Quantities() {
    }

    static List<Quantity> in(String text, List<Word> words) {
        List<Quantity> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            int used;
            if (w.numeric()) {
                used = digits(text, words, i, found);
            } else {
                used = spelled(text, words, i, found);
            }
            i += Math.max(used, 1) - 1;
        }
        return found;
    }

    /** "13,000", "6m", "$14bn", "1.5 billion", "15%", "10th", "1980s": the words it took. */
    private static int digits(String text, List<Word> words, int i, List<Quantity> found) {
        Word w = words.get(i);
        String token = w.text();
        int split = 0;
        while (split < token.length() && (Character.isDigit(token.charAt(split)) || token.charAt(split) == ','
                || token.charAt(split) == '.')) {
            split++;
        }
        String number = token.substring(0, split).replace(",", "");
        if (number.endsWith(".")) {
            number = number.substring(0, number.length() - 1);
        }
        if (number.chars().filter(c -> c == '.').count() >= 2) {
            found.add(Quantity.exact(token, w.start(), number)); // a version: "1.2.0", "3.4.10"
            return 1;
        }
        String suffix = token.substring(split).toLowerCase(Locale.ROOT);
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return 1;
        }
        int used = 1;
        Word next = i + 1 < words.size() ? words.get(i + 1) : null;
        if (suffix.isEmpty() && next != null && MULTIPLIERS.containsKey(next.key()) && adjacent(text, w, next)) {
            value *= MULTIPLIERS.get(next.key());
            used = 2;
        }
        String unit = UNITS_NAMED.get(suffix);
        if (unit == null && i + used < words.size() && adjacent(text, words.get(i + used - 1), words.get(i + used))) {
            unit = UNITS_NAMED.get(words.get(i + used).key());
        }
        if (unit == null && words.get(i + used - 1).end() < text.length() && text.charAt(words.get(i + used - 1).end()) == '%') {
            unit = "%";
        }
        int start = start(text, w);
        String written = text.substring(start, words.get(i + used - 1).end());
        if (suffix.equals("m")) {
            found.add(Quantity.number(written, start, null, value * 1e6, value)); // "6m shells", or "a 6m wall"
        } else if (SUFFIXES.containsKey(suffix)) {
            found.add(Quantity.number(written, start, unit, value * SUFFIXES.get(suffix)));
        } else {
            found.add(Quantity.number(written, start, unit, value)); // 155mm, 10th, 1980s: the number is what matters
        }
        return used;
    }

    /** "six million", "half a million", "a dozen", "two dozen", "twenty-five", "seven decades", "tenth". */
    private static int spelled(String text, List<Word> words, int i, List<Quantity> found) {
        String first = words.get(i).key();
        Word word = words.get(i);
        if (ORDINALS.containsKey(first)) {
            found.add(Quantity.ordinal(word.text(), word.start(), ORDINALS.get(first)));
            return 1;
        }
        if (DATES.contains(first) && (word.capitalised() || !first.equals("may") && !first.equals("march"))) {
            found.add(Quantity.exact(word.text(), word.start(), first));
            return 1;
        }
        double total = 0;
        double current = 0;
        double fraction = 0;
        boolean numeral = false;
        boolean onlyOne = true;
        int j = i;
        for (; j < words.size(); j++) {
            String k = words.get(j).key();
            if (j > i && !adjacent(text, words.get(j - 1), words.get(j))) {
                break;
            }
            if (UNITS.containsKey(k)) {
                current += UNITS.get(k);
                onlyOne &= k.equals("one");
                numeral = true;
            } else if ((k.equals("a") || k.equals("an")) && j + 1 < words.size()
                    && isScale(words.get(j + 1).key()) && (j == i || fraction > 0 || numeral)) {
                if (j == i) {
                    current = 1; // "a dozen", "a million"
                }
                continue;
            } else if (k.equals("a") || k.equals("an")) {
                if (j == i && j + 1 < words.size() && isScale(words.get(j + 1).key())) {
                    current = 1;
                    continue;
                }
                break;
            } else if (k.equals("half") || k.equals("quarter")) {
                fraction = k.equals("half") ? 0.5 : 0.25;
                numeral = true;
                onlyOne = false;
                if (j + 1 < words.size() && words.get(j + 1).key().equals("of")) {
                    j++; // "a quarter of a million"
                }
            } else if (k.equals("hundred")) {
                if (!numeral && current == 0) {
                    current = 1;
                }
                current *= 100;
                numeral = true;
                onlyOne = false;
            } else if (MULTIPLIERS.containsKey(k) && !k.equals("bn") && !k.equals("tn")) {
                double scale = MULTIPLIERS.get(k);
                double base = current == 0 ? 1 : current;
                if (fraction > 0 && current == 0) {
                    base = fraction;
                    fraction = 0;
                }
                total += base * scale;
                current = 0;
                numeral = true;
                onlyOne = false;
            } else if (k.equals("dozen")) {
                current = (current == 0 ? 1 : current) * 12;
                numeral = true;
                onlyOne = false;
            } else if ((k.equals("decade") || k.equals("decades")) && numeral) {
                total = (total + current) * 10;
                current = 0;
                j++;
                break;
            } else if (k.equals("and") && numeral && j + 1 < words.size() && UNITS.containsKey(words.get(j + 1).key())) {
                continue; // "one hundred and twenty"
            } else {
                break;
            }
        }
        if (!numeral || j == i) {
            return 1;
        }
        double value = total + current + (total == 0 && current == 0 ? fraction : 0);
        String unit = j < words.size() && adjacent(text, words.get(j - 1), words.get(j))
                ? UNITS_NAMED.get(words.get(j).key()) : null;
        if (onlyOne && unit == null) {
            return j - i; // "one of the few": a bare "one" counts nothing, "one hour" does
        }
        if (value == 0 && fraction == 0) {
            return j - i;
        }
        found.add(Quantity.number(text.substring(word.start(), words.get(j - 1).end()), word.start(), unit, value));
        return j - i;
    }

    private static boolean isScale(String key) {
        return key.equals("dozen") || key.equals("hundred") || key.equals("thousand") || key.equals("million")
                || key.equals("billion") || key.equals("trillion") || key.equals("half") || key.equals("quarter");
    }

    /** Only spaces or a hyphen between two words: "six million", "twenty-five". */
    private static boolean adjacent(String text, Word a, Word b) {
        String gap = text.substring(a.end(), b.start());
        return gap.isBlank() && !gap.contains("\n") || gap.equals("-");
    }

    /** Where the written form starts: with its currency sign, if any. */
    private static int start(String text, Word w) {
        int s = w.start();
        return s > 0 && "$€£¥".indexOf(text.charAt(s - 1)) >= 0 ? s - 1 : s;
    }
}
