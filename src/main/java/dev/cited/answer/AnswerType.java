package dev.cited.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of fact a question asks for, when its wording makes that plain: a quantity, an amount of
 * money, a distance, a time, or a name. A sentence that holds no such fact cannot answer it, however many
 * words it shares with the question ("How many troops…" is not answered by a sentence without a number).
 */
enum AnswerType {
    MONEY(Pattern.compile("\\b(dollar|dollars|cost|costs|price|pay|paid|pays|worth|budget|spend|spent)\\b"),
            Pattern.compile("[$€£¥]|\\b(dollars?|euros?|pounds|won|yuan|rubles?|roubles?)\\b")),
    DISTANCE(Pattern.compile("(?<![-\\w])(range|distance|how far away|kilometres|kilometers|km|miles)\\b"),
            Pattern.compile("\\d[\\d,.]*\\s*-?(km|kilomet|mile|metre|meter|m\\b)")),
    QUANTITY(Pattern.compile("\\b(how many|how much|number of|population|percentage|per ?cent|gdp)\\b"),
            Pattern.compile("(?<![\\p{L}\\p{N}])\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                    + "thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|several|few|many|all|"
                    + "none|no|single|double|twice)\\b")) {
        /**
         * A digit inside a name ("x86", "mp3") is no number, and "Figure 4", "Table 2" or "section 3.1" number
         * a part of the document: none of them counts anything.
         */
        @Override
        boolean canBeAnsweredBy(String sentence, String question) {
            return super.canBeAnsweredBy(REFERENCE_NUMBER.matcher(sentence).replaceAll(" "), question);
        }
    },
    TIME(Pattern.compile("^\\s*when\\b|\\b(what|which) (year|month|day|date)\\b|\\bhow long ago\\b"),
            Pattern.compile("\\b(1[89]|20)\\d\\d\\b|\\b(january|february|march|april|may|june|july|august|"
                    + "september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
                    + "sunday|today|yesterday|ago|last (week|month|year)|this (week|month|year)|decades?|years?|"
                    + "century|summer|winter|spring|autumn|tomorrow|tonight|morning|afternoon|evening|night|"
                    + "noon|midnight|dawn|weekends?|hours?|o'clock)\\b|\\b\\d{1,2}:\\d\\d\\b|\\b\\d{1,2}\\s*[ap]\\.?m\\b")),
    /** "What is the name of…", "What is it called?": the answer names something the question does not. */
    NAME(Pattern.compile("\\bthe names? of\\b|\\bcalled\\s*\\?*\\s*$"), null) {
        @Override
        boolean canBeAnsweredBy(String sentence, String question) {
            return ProperNames.hasNameMissingFrom(sentence, question);
        }
    },
    ANY(null, null);

    private static final Pattern REFERENCE_NUMBER = Pattern.compile(
            "(?i)\\b(?:figure|fig\\.|table|section|sec\\.|chapter|page|p\\.|pp\\.|equation|eq\\.|listing|appendix|line)"
                    + "\\s*\\d+(?:[.-]\\d+)*");

    private final Pattern asked;
    private final Pattern present;

    AnswerType(Pattern asked, Pattern present) {
        this.asked = asked;
        this.present = present;
    }

    static AnswerType of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        for (AnswerType type : values()) {
            if (type.asked != null && type.asked.matcher(q).find()) {
                return type;
            }
        }
        return ANY;
    }

    boolean canBeAnsweredBy(String sentence, String question) {
        return present == null || present.matcher(sentence.toLowerCase(Locale.ROOT)).find();
    }
}
