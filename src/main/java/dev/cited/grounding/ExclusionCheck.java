package dev.cited.grounding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question that asks for something besides what it names ("Besides mine clearance equipment, what other
 * aid…?") is not answered by a sentence that names only that: it must name the thing alongside another
 * ("…food and oil"), or not name it at all.
 */
final class ExclusionCheck implements Check {
    private static final Pattern BESIDES = Pattern.compile(
            "(?i)\\b(?:besides|apart from|aside from|other than|except(?: for)?|in addition to)\\s+([^,?;]+)");
    /** Right after the thing: another joined to it ("food and oil", "food, as well as oil"). */
    private static final Pattern JOINED_AFTER = Pattern.compile("(?i)^\\s*,?\\s*(?:and|or|as well as|plus|along with)\\b");
    /** Right before the thing: another before it ("oil and food"). */
    private static final Pattern JOINED_BEFORE = Pattern.compile("(?i)\\b(?:and|or)\\s*$");

    @Override
    public Verdict failure(Comparison c) {
        if (!c.question()) {
            return null;
        }
        Matcher m = BESIDES.matcher(c.claim().text());
        if (!m.find()) {
            return null;
        }
        String excluded = m.group(1).strip();
        String support = c.support().text();
        int at = support.toLowerCase(java.util.Locale.ROOT).indexOf(excluded.toLowerCase(java.util.Locale.ROOT));
        if (at < 0) {
            return null;
        }
        String after = support.substring(at + excluded.length());
        String before = support.substring(0, at);
        if (JOINED_AFTER.matcher(after).find() || JOINED_BEFORE.matcher(before).find()) {
            return null;
        }
        return Check.notSupported("the question asks for something besides " + excluded + ", and the source names only that");
    }
}
