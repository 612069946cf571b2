package dev.cited.grounding;

import java.util.Locale;

/**
 * One word of a text, as written and in the form words are matched by.
 *
 * @param text        as written, without a possessive "’s" ("Korea" for "Korea’s")
 * @param start       offset of the word in the text it was read from
 * @param key         lower case, without dots ("us" for "U.S.")
 * @param opensClause first word of a sentence, a quotation or a list item, where a capital says nothing
 * @param hyphenated  joined to the word before by a hyphen ("yul" in "Tae-yul", "19" in "Hwasong-19")
 */
record Word(String text, int start, String key, boolean opensClause, boolean hyphenated) {

    static Word of(String raw, int start, boolean opensClause, boolean hyphenated) {
        String text = raw;
        if (text.length() > 2 && (text.endsWith("’s") || text.endsWith("'s"))) {
            text = text.substring(0, text.length() - 2);
        }
        return new Word(text, start, text.toLowerCase(Locale.ROOT).replace(".", ""), opensClause, hyphenated);
    }

    boolean capitalised() {
        return Character.isUpperCase(text.charAt(0));
    }

    /** "NATO", "EU", "U.S.": two or more letters, all capitals. */
    boolean acronym() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    boolean numeric() {
        return Character.isDigit(text.charAt(0));
    }

    int end() {
        return start + text.length();
    }
}
