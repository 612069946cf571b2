package dev.cited.grounding;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ways one name is written: a place and its adjective ("Korean", "Korea"), a country and the capital
 * or short form that stands for it in the news ("Pyongyang", "North Korea"; "Washington", "the U.S."),
 * and the titles that go before names ("Foreign Minister", "President").
 */
final class NameForms {
    static final Set<String> TITLES = Set.of("president", "minister", "foreign", "defence", "defense", "prime",
            "secretary", "general", "secretary-general", "chief", "leader", "supreme", "commissioner", "head",
            "spokesperson", "spokesman", "spokeswoman", "ambassador", "king", "queen", "prince", "princess",
            "chairman", "chairwoman", "chair", "director", "mr", "mrs", "ms", "dr", "professor", "prof",
            "senator", "governor", "deputy", "vice", "state", "premier", "chancellor", "envoy", "mayor",
            "commander", "colonel", "captain", "lieutenant", "sergeant", "admiral", "pope", "sir", "lady", "lord",
            "founder", "judge", "justice", "representative", "rep", "sen", "gen", "col");
    /** Words that may stand inside a name between capitalised words ("Council on Foreign Relations"). */
    static final Set<String> CONNECTORS = Set.of("of", "on", "for", "the", "and", "de", "von", "der", "van",
            "den", "du", "del", "da", "al", "bin", "la", "le", "di", "y");
    private static final Map<String, String> ADJECTIVES = new HashMap<>();
    private static final Map<String, String> STANDS_FOR = new HashMap<>();

    static {
        String[][] adjectives = {
                {"korean", "korea"}, {"koreans", "korea"}, {"koreas", "korea"}, {"russian", "russia"}, {"russians", "russia"},
                {"ukrainian", "ukraine"}, {"ukrainians", "ukraine"}, {"european", "europe"},
                {"europeans", "europe"}, {"american", "america"}, {"americans", "america"}, {"chinese", "china"},
                {"japanese", "japan"}, {"polish", "poland"}, {"pole", "poland"}, {"poles", "poland"},
                {"finnish", "finland"}, {"finn", "finland"}, {"norwegian", "norway"}, {"estonian", "estonia"},
                {"romanian", "romania"}, {"indian", "india"}, {"british", "britain"}, {"french", "france"},
                {"german", "germany"}, {"italian", "italy"}, {"spanish", "spain"}, {"swedish", "sweden"},
                {"danish", "denmark"}, {"dutch", "netherlands"}, {"turkish", "turkey"}, {"iranian", "iran"},
                {"israeli", "israel"}, {"syrian", "syria"}, {"iraqi", "iraq"}, {"afghan", "afghanistan"},
                {"pakistani", "pakistan"}, {"australian", "australia"}, {"canadian", "canada"},
                {"mexican", "mexico"}, {"brazilian", "brazil"}, {"african", "africa"}, {"asian", "asia"},
                {"taiwanese", "taiwan"}, {"vietnamese", "vietnam"}, {"filipino", "philippines"},
                {"egyptian", "egypt"}, {"greek", "greece"}, {"swiss", "switzerland"}, {"austrian", "austria"},
                {"belgian", "belgium"}, {"czech", "czechia"}, {"hungarian", "hungary"},
                {"lithuanian", "lithuania"}, {"latvian", "latvia"}, {"georgian", "georgia"},
                {"belarusian", "belarus"}, {"mongolian", "mongolia"}, {"soviet", "ussr"}, {"irish", "ireland"},
                {"scottish", "scotland"}, {"welsh", "wales"}, {"english", "england"}, {"portuguese", "portugal"},
                {"saudi", "saudi arabia"}, {"emirati", "uae"}, {"qatari", "qatar"}, {"nigerian", "nigeria"},
                {"kenyan", "kenya"}, {"argentine", "argentina"}, {"argentinian", "argentina"},
                {"chilean", "chile"}, {"colombian", "colombia"}, {"peruvian", "peru"}, {"cuban", "cuba"},
                {"venezuelan", "venezuela"}, {"thai", "thailand"}, {"indonesian", "indonesia"},
                {"malaysian", "malaysia"}, {"singaporean", "singapore"}, {"serbian", "serbia"},
                {"croatian", "croatia"}, {"bulgarian", "bulgaria"}, {"slovak", "slovakia"},
                {"slovenian", "slovenia"}, {"moldovan", "moldova"}, {"armenian", "armenia"},
                {"azerbaijani", "azerbaijan"}, {"kazakh", "kazakhstan"}, {"icelandic", "iceland"}};
        for (String[] pair : adjectives) {
            ADJECTIVES.put(pair[0], pair[1]);
        }
        String[][] groups = {
                {"north korea", "pyongyang", "dprk", "democratic people’s republic of korea"},
                {"south korea", "seoul", "republic of korea", "rok"},
                {"russia", "moscow", "kremlin", "russian federation"},
                {"ukraine", "kyiv", "kiev"},
                {"united states", "us", "usa", "america", "washington", "united states of america"},
                {"china", "beijing", "prc", "people’s republic of china"},
                {"european union", "eu", "brussels"},
                {"united kingdom", "uk", "britain", "great britain", "london"},
                {"japan", "tokyo"}, {"france", "paris"}, {"germany", "berlin"}, {"poland", "warsaw"},
                {"india", "new delhi", "delhi"}, {"iran", "tehran"}, {"israel", "jerusalem"},
                {"nato", "north atlantic treaty organization", "north atlantic treaty organisation"},
                {"united nations", "un"}, {"taiwan", "taipei"}, {"turkey", "ankara", "türkiye"}};
        for (String[] group : groups) {
            for (String member : group) {
                STANDS_FOR.put(member.replace("’", "'"), group[0]);
            }
        }
    }

    private NameForms() {
    }

    /** The matching form of one word of a name: lower case, a place for its adjective. */
    static String key(String lowerCaseWord) {
        return ADJECTIVES.getOrDefault(lowerCaseWord, lowerCaseWord);
    }

    /** What {@code keys} stands for when it is a capital or short form of a country ("pyongyang" → "north korea"). */
    static String standsFor(List<String> keys) {
        String joined = String.join(" ", keys).toLowerCase(Locale.ROOT);
        return STANDS_FOR.get(joined);
    }
}
