package dev.cited.eval;

import java.util.List;
import java.util.Locale;

/**
 * Scores of the claim set: what reached the user of what a model wrote. Rates are in [0, 1], NaN when
 * there is nothing to measure.
 *
 * @param claimPrecision     claims shown with a citation whose citation covers their evidence
 * @param plantedCaught      planted errors that did not reach the user as cited text
 * @param trueRetained       true claims (whose evidence was sent) shown with a citation covering it
 * @param reattributed       true claims cited with the wrong passage, shown with a citation covering their evidence
 * @param silentlyDropped    statements neither shown nor listed as unsupported (must be 0)
 * @param evidenceNotSent    true claims whose evidence retrieval did not send (not counted above)
 * @param failures           one line per planted error shown, true claim lost, or statement dropped silently
 */
public record ClaimReport(int cases, int trueClaims, int plantedClaims, double claimPrecision, double plantedCaught,
                          double trueRetained, double reattributed, int silentlyDropped, int evidenceNotSent,
                          List<String> byKind, List<String> failures) {

    public String format() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "cases                  %d (%d true claims, %d planted errors)%n", cases,
                trueClaims, plantedClaims));
        s.append(String.format(Locale.ROOT, "claim precision        %s%n", pct(claimPrecision)));
        s.append(String.format(Locale.ROOT, "planted errors caught  %s%n", pct(plantedCaught)));
        s.append(String.format(Locale.ROOT, "true claims kept       %s%n", pct(trueRetained)));
        s.append(String.format(Locale.ROOT, "wrong passage fixed    %s%n", pct(reattributed)));
        s.append(String.format(Locale.ROOT, "dropped silently       %d%n", silentlyDropped));
        s.append(String.format(Locale.ROOT, "evidence not sent      %d%n", evidenceNotSent));
        byKind.forEach(k -> s.append("  ").append(k).append('\n'));
        if (!failures.isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nmisses:%n"));
            failures.forEach(f -> s.append("  ").append(f).append('\n'));
        }
        return s.toString();
    }

    static String pct(double rate) {
        return Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}
