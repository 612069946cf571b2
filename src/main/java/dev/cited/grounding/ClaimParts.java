package dev.cited.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a statement that joins two facts into statements of one fact each, so each can find its own
 * support: "Yoon, who won power in 2022, was the first…" becomes "Yoon won power in 2022." and "Yoon was
 * the first…"; "X did A, and Y did B" becomes "X did A." and "Y did B.".
 */
public final class ClaimParts {
    /** "Name, who/which …, rest". */
    private static final Pattern RELATIVE = Pattern.compile("^(.{2,80}?),\\s+(?:who|which)\\s+([^,]{3,}),\\s+(.+)$");
    /** Two clauses: ", and", ", but", ", while", ";". */
    private static final Pattern CLAUSES = Pattern.compile(",\\s+(?:and|but|while|whereas)\\s+|;\\s+");

    private ClaimParts() {
    }

    /** The statements {@code claim} joins, or an empty list when it states one fact. */
    public static List<String> of(String claim) {
        String text = claim.strip();
        Matcher m = RELATIVE.matcher(text);
        if (m.matches()) {
            return List.of(sentence(m.group(1) + " " + m.group(2)), sentence(m.group(1) + " " + m.group(3)));
        }
        String[] pieces = CLAUSES.split(text);
        List<String> parts = new ArrayList<>();
        for (String piece : pieces) {
            if (piece.strip().split("\\s+").length < 4) {
                return List.of(); // "…, and then everyone else": not a statement of its own
            }
            parts.add(sentence(piece));
        }
        return parts.size() > 1 ? parts : List.of();
    }

    private static String sentence(String text) {
        String s = text.strip();
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.matches("(?s).*[.!?”\"]$") ? s : s + ".";
    }
}
