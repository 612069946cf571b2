package dev.cited.grounding;

/**
 * A verdict as integrators see it with {@code "explain": true}: what was checked, against which span, with
 * the scores the thresholds apply to.
 *
 * @param statement  the statement (or, for the extractive answerer, the question) that was checked
 * @param verdict    "supported", "not_supported" or "contradicted"
 * @param reason     why, in plain words
 * @param documentId the document of the span it was checked against; null when nothing came close
 * @param start      the span's start offset, or null
 * @param end        the span's end offset, or null
 * @param quote      the span's text, or null
 * @param coverage   share of the statement's informative terms the span holds, rare terms weighing most
 * @param similarity embedding similarity of the two; null when not measured
 */
public record StatementVerdict(String statement, String verdict, String reason, String documentId, Integer start,
                               Integer end, String quote, double coverage, Double similarity) {

    public static StatementVerdict of(String statement, Verdict v) {
        Evidence e = v.evidence();
        return new StatementVerdict(statement, v.status().label(), v.reason(), e == null ? null : e.documentId(),
                e == null ? null : e.quote().start(), e == null ? null : e.quote().end(),
                e == null ? null : e.text(), Math.round(v.coverage() * 1000) / 1000.0,
                Double.isNaN(v.similarity()) ? null : Math.round(v.similarity() * 1000) / 1000.0);
    }
}
