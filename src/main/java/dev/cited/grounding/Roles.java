package dev.cited.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who plays which part, as far as prepositions tell: "to Russia", "from North Korea", "by Poland", "to the
 * client". Enough to see "containers sent from North Korea to Russia" turned into "from Russia to North
 * Korea", or "the client sends the token to the server" into "the server sends the token to the client".
 */
final class Roles {
    private static final Set<String> PREPOSITIONS = Set.of("to", "from", "by", "for", "against", "into", "toward",
            "towards", "with", "on", "at", "in");
    /** Prepositions that name only places and people, not common nouns: "in Seoul", not "in the region". */
    private static final Set<String> NAMES_ONLY = Set.of("in");
    /** Prepositions that name the same part ("toward" is "to"). */
    private static final Map<String, String> SAME_AS = Map.of("into", "to", "toward", "to", "towards", "to");
    /** Prepositions whose parts are each other's reverse. */
    private static final Map<String, String> REVERSE = Map.of("to", "from", "from", "to");
    /** Where a noun phrase ends. */
    private static final Set<String> ENDS_PHRASE = Set.of("in", "on", "at", "of", "to", "from", "by", "for", "with",
            "and", "or", "but", "that", "which", "who", "as", "than", "is", "are", "was", "were", "will", "would",
            "has", "have", "had", "into", "after", "before", "during", "since", "while", "because");

    private Roles() {
    }

    static List<Role> in(String text, List<Word> words, List<Name> names) {
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            String preposition = words.get(i).key();
            if (!PREPOSITIONS.contains(preposition) || words.get(i).capitalised() && i > 0) {
                continue;
            }
            preposition = SAME_AS.getOrDefault(preposition, preposition);
            int at = i + 1;
            if (i + 2 < words.size() && (words.get(at).key().equals("each") && words.get(at + 1).key().equals("other")
                    || words.get(at).key().equals("one") && words.get(at + 1).key().equals("another"))) {
                continue; // "against each other": no one in particular
            }
            boolean determined = Grammar.DETERMINERS.contains(words.get(at).key());
            if (determined && at + 1 < words.size()) {
                at++;
            }
            Name name = nameAt(names, words.get(at).start());
            if (name != null) {
                roles.add(new Role(preposition, canonical(name), text.substring(words.get(i).start(), name.end()),
                        words.get(i).start(), true));
            } else if (determined && !NAMES_ONLY.contains(preposition) && !words.get(at).capitalised()
                    && !words.get(at).numeric()) {
                int last = at;
                while (last + 1 < words.size() && last - at < 2 && !ENDS_PHRASE.contains(words.get(last + 1).key())
                        && !words.get(last + 1).capitalised() && !words.get(last + 1).numeric()
                        && text.substring(words.get(last).end(), words.get(last + 1).start()).equals(" ")) {
                    last++;
                }
                roles.add(new Role(preposition, Grammar.stem(words.get(last).key()),
                        text.substring(words.get(i).start(), words.get(last).end()), words.get(i).start(), false));
            }
        }
        return roles;
    }

    /** The name in the form roles are compared in: the country a capital stands for, else its core words. */
    static String canonical(Name name) {
        String written = name.text().toLowerCase(java.util.Locale.ROOT).replace(".", "").replace("’", "'");
        String standsFor = NameForms.standsFor(List.of(written)); // "european union" before its adjective is read
        if (standsFor == null) {
            standsFor = NameForms.standsFor(name.core());
        }
        return standsFor != null ? standsFor : String.join(" ", name.core());
    }


    static String reverse(String preposition) {
        return REVERSE.get(preposition);
    }

    private static Name nameAt(List<Name> names, int start) {
        for (Name n : names) {
            if (n.start() == start) {
                return n;
            }
        }
        return null;
    }
}
