package dev.cited.citation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text with raw markers ("[2]", "[1, 3]", "[1][3]") into the answer contract: markers renumbered
 * 1..n in order of first use, one citation per distinct quote, and markers that resolve to nothing
 * removed (never returned).
 */
public final class CitationAssembler {
    private static final Pattern MARKER = Pattern.compile("\\s*\\[(\\d{1,4}(?:\\s*[,;]\\s*\\d{1,4})*)]");
    /** Markers standing at the start of a text: "[1] Russia will…" after a sentence split. */
    private static final Pattern LEADING_MARKERS = Pattern.compile("^(?:" + MARKER.pattern() + ")+");
    private static final Pattern CLAIM_START = Pattern.compile("(?s).*(?:[.!?]\\s+|\\n)");

    private CitationAssembler() {
    }

    public static CitedText assemble(String raw, MarkerResolver resolver) {
        Map<String, Citation> byQuote = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        Matcher m = MARKER.matcher(raw);
        int last = 0;
        while (m.find()) {
            out.append(raw, last, m.start());
            String claim = claimBefore(raw, m.start());
            StringBuilder markers = new StringBuilder();
            for (String number : m.group(1).split("\\s*[,;]\\s*")) {
                resolver.resolve(Integer.parseInt(number), claim).ifPresent(quote -> {
                    String key = quote.documentId() + ":" + quote.start() + ":" + quote.end();
                    Citation citation = byQuote.computeIfAbsent(key, k -> quote.toCitation(byQuote.size() + 1));
                    String marker = "[" + citation.marker() + "]";
                    if (markers.indexOf(marker) < 0) {
                        markers.append(marker);
                    }
                });
            }
            if (!markers.isEmpty()) {
                out.append(' ').append(markers);
            }
            last = m.end();
        }
        out.append(raw.substring(last));
        return new CitedText(out.toString().strip(), new ArrayList<>(byQuote.values()));
    }

    /** The sentence a marker at {@code markerStart} belongs to, without other markers. */
    static String claimBefore(String raw, int markerStart) {
        String before = raw.substring(0, markerStart);
        Matcher start = CLAIM_START.matcher(before);
        String sentence = start.lookingAt() ? before.substring(start.end()) : before;
        if (sentence.isBlank()) { // marker right after a full stop: "… shells. [1]"
            String trimmed = before.stripTrailing();
            String withoutStop = trimmed.isEmpty() ? trimmed : trimmed.substring(0, trimmed.length() - 1);
            Matcher again = CLAIM_START.matcher(withoutStop);
            sentence = again.lookingAt() ? withoutStop.substring(again.end()) : withoutStop;
        }
        return MARKER.matcher(sentence).replaceAll("").strip();
    }

    /** "… shells." becomes "… shells [1]." so the marker sits inside the sentence it supports. */
    public static String attach(String sentence, int marker) {
        return attach(sentence, List.of(marker));
    }

    /** "… shells." becomes "… shells [1][2]." */
    public static String attach(String sentence, List<Integer> markers) {
        StringBuilder tags = new StringBuilder(" ");
        markers.forEach(m -> tags.append('[').append(m).append(']'));
        String tag = tags.toString();
        String s = sentence.stripTrailing();
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        if (".!?".indexOf(last) >= 0) {
            return s.substring(0, s.length() - 1) + tag + last;
        }
        if ("”’\")".indexOf(last) >= 0) {
            return s + tag; // "… “victory in Ukraine.”" keeps its quote whole
        }
        return s + tag + "."; // a headline-like line: end it, so the next sentence doesn't run on
    }

    /** Where the markers at the start of {@code text} end; 0 when it does not start with one. */
    public static int leadingMarkersEnd(String text) {
        Matcher m = LEADING_MARKERS.matcher(text);
        return m.lookingAt() ? m.end() : 0;
    }

    /** The text without its [n] markers. */
    public static String withoutMarkers(String text) {
        return MARKER.matcher(text).replaceAll("").strip();
    }

    /** The marker numbers of an answer text, in order of appearance. */
    public static List<Integer> markersIn(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            for (String number : m.group(1).split("\\s*[,;]\\s*")) {
                numbers.add(Integer.parseInt(number));
            }
        }
        return numbers;
    }
}
