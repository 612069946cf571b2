package dev.cited.eval;

import java.util.List;
import java.util.Locale;

/**
 * Scores of one run over a question set. Rates are in [0, 1]; a rate with nothing to measure is NaN.
 *
 * @param recallAtK            answerable questions whose evidence is in a retrieved passage
 * @param mrr                  mean reciprocal rank of the first passage covering the evidence
 * @param answerHitRate        answerable questions answered (grounded) with an expected phrase
 * @param citationPrecision    citations of answerable questions that overlap the evidence
 * @param structuralValidity   answers whose citations quote the document exactly and match the markers
 * @param abstentionAccuracy   unanswerable questions answered with "the documents don't say" and no citation
 * @param followUpAccuracy     follow-ups answered with an expected phrase
 * @param pageAccuracy         citations covering the evidence of a question that names its page
 *                             ({@link EvalQuestion#page()}) that carry that page
 * @param failures             one line per miss, for reading
 */
public record EvalReport(int questions, int k, double recallAtK, double mrr, double answerHitRate,
                         double citationPrecision, double structuralValidity, double abstentionAccuracy,
                         double followUpAccuracy, double pageAccuracy, double latencyP50Millis, double latencyP95Millis,
                         List<String> failures) {

    public String format() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "questions              %d%n", questions));
        s.append(String.format(Locale.ROOT, "recall@%-2d               %s%n", k, pct(recallAtK)));
        s.append(String.format(Locale.ROOT, "MRR                    %.3f%n", mrr));
        s.append(String.format(Locale.ROOT, "answer hit rate        %s%n", pct(answerHitRate)));
        s.append(String.format(Locale.ROOT, "citation precision     %s%n", pct(citationPrecision)));
        s.append(String.format(Locale.ROOT, "structural validity    %s%n", pct(structuralValidity)));
        s.append(String.format(Locale.ROOT, "abstention accuracy    %s%n", pct(abstentionAccuracy)));
        s.append(String.format(Locale.ROOT, "follow-up accuracy     %s%n", pct(followUpAccuracy)));
        s.append(String.format(Locale.ROOT, "page accuracy          %s%n", pct(pageAccuracy)));
        s.append(String.format(Locale.ROOT, "latency p50 / p95      %.1f ms / %.1f ms%n", latencyP50Millis, latencyP95Millis));
        if (!failures.isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nmisses:%n"));
            failures.forEach(f -> s.append("  ").append(f).append('\n'));
        }
        return s.toString();
    }

    private static String pct(double rate) {
        return Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}
