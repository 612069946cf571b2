package dev.cited.grounding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Negation and opposites. A clause is negated when it holds "not", "never", "no", "without", "refused
 * to"… ("has not extended", "Seoul has demurred"), but not for "not only" or "no doubt". Two words are
 * opposites when they say contrary things of the same matter: "most" and "least", "imports" and
 * "exporting", "lawful" and "unlawful".
 */
final class Polarity {
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing",
            "neither", "nor", "cannot", "without", "unwilling", "reluctant", "refused", "refuses", "refuse",
            "refusing", "declined", "declines", "demurred", "demur", "refrained", "refrain", "refrains",
            "lacks", "lacked", "nowhere", "hardly", "rejected", "rejects", "denied", "denies");
    private static final Pattern NOT_NEGATION = Pattern.compile(
            "(?i)\\b(not only|not just|not least|no doubt|no less|not to mention|none other)\\b");
    private static final Pattern CONTRACTED = Pattern.compile(
            "(?i)\\w+n['’]t\\b|\\b(?:held|holding|hold|holds) back\\b|\\byet to\\b|\\bruled? out\\b|\\brules out\\b");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "[,;:()–—]|[.!?][”\"’']?\\s|\\s(?:but|while|whereas|although|though|however|yet|and then|which|who)\\s");
    /** Each line: words on one side of the bar are opposites of the words on the other side. */
    private static final List<String> OPPOSITES = List.of(
            "most | least fewest", "more | less fewer", "largest biggest | smallest", "larger bigger | smaller",
            "highest | lowest", "higher | lower",
            "increase increased increases increasing rise rose risen rising grew grow grows growing growth mounting"
                    + " heightened heighten heightens intensified intensify intensifies intensifying"
                    + " | decrease decreased decreases decreasing fall fell fallen falling shrank shrink shrinks"
                    + " shrinking decline declined declining drop dropped reduced reduce reduces reducing lowering lowered"
                    + " waning eased ease eases easing lessened calmed allayed",
            "import imports imported importing importer importers | export exports exported exporting exporter"
                    + " exporters",
            "buy buys bought buying buyer buyers purchase purchased | sell sells sold selling seller sellers",
            "win wins won winning winner victory | lose loses losing loser defeat",
            "success successful successfully succeeded succeeds | failure failed fails unsuccessful fail",
            "strengthen strengthened strengthens strengthening stronger strongest | weaken weakened weakens"
                    + " weakening weaker weakest",
            "accept accepted accepts accepting approve approved approves | reject rejected rejects rejecting veto"
                    + " vetoed",
            "allow allowed allows allowing permit permitted permits legal lawful | forbid forbidden forbids ban"
                    + " banned bans prohibit prohibited prohibits illegal unlawful",
            "ally allies friend friends | enemy enemies foe foes adversary adversaries",
            "earliest earlier | latest later", "first | last final", "last previous | next coming upcoming",
            "better best | worse worst", "easier easiest | harder hardest",
            "direct directly | indirect indirectly", "lethal | non-lethal nonlethal",
            "military | non-military nonmilitary", "solid | liquid", "open opened opens | closed closes shut",
            "confirm confirmed confirms | deny denied denies", "agree agreed agrees | disagree disagreed disagrees",
            "include included includes | exclude excluded excludes", "maximum | minimum", "majority | minority",
            "positive | negative", "true | false", "public | private", "rich wealthy | poor",
            "offensive | defensive", "required mandatory | optional", "same identical | different",
            "older oldest | newer newest younger youngest", "upgrade upgraded | downgrade downgraded",
            "deprecated | recommended", "enable enabled enables | disable disabled disables",
            "add added adds adding | remove removed removes removing", "inbound incoming | outbound outgoing",
            "upper | lower", "good excellent | poor bad", "faster quicker fast quick | slower slow",
            "often frequently usually commonly | rarely seldom", "beginning start | end", "eastern east | western west",
            "northern | southern", "supplier suppliers | buyer buyers customer customers",
            "stable | unstable", "limited | unlimited", "primary | secondary fallback", "likely | unlikely",
            "possible | impossible", "willing | unwilling", "safe | unsafe", "valid | invalid",
            "sufficient | insufficient", "necessary | unnecessary", "official | unofficial", "up | down", "long | short",
            "cautious careful | aggressive reckless bold", "boost boosted boosting raise raised | cut cuts cutting slash",
            "escalating escalate escalated escalates | easing de-escalating defusing", "many numerous | few");
    /** For each word, the words opposite to it. */
    private static final Map<String, Set<String>> OPPOSITE_OF = new HashMap<>();

    static {
        for (String line : OPPOSITES) {
            String[] sides = line.split("\\|");
            Set<String> left = Set.of(sides[0].trim().split("\\s+"));
            Set<String> right = Set.of(sides[1].trim().split("\\s+"));
            left.forEach(w -> OPPOSITE_OF.computeIfAbsent(w, k -> new java.util.HashSet<>()).addAll(right));
            right.forEach(w -> OPPOSITE_OF.computeIfAbsent(w, k -> new java.util.HashSet<>()).addAll(left));
        }
    }

    private Polarity() {
    }

    static boolean negated(String clause) {
        String text = NOT_NEGATION.matcher(clause).replaceAll(" ");
        if (CONTRACTED.matcher(text).find()) {
            return true;
        }
        for (Word w : Words.of(text)) {
            if (NEGATIONS.contains(w.key())) {
                return true;
            }
        }
        return false;
    }

    /** The clauses of a sentence, as text. */
    static List<String> clauses(String sentence) {
        return List.of(CLAUSE_BREAK.split(sentence));
    }

    /**
     * A word of {@code claim} whose opposite {@code support} says of the same thing: {"least", "most"} for
     * "least significant" against "most significant". The two must share a neighbouring word (within
     * {@link #CONTEXT} words), so "fewer than 4,000" does not oppose "7,000 or more".
     */
    static String[] opposed(List<Word> claim, List<Word> support) {
        List<Word> c = joinedNon(claim);
        List<Word> s = joinedNon(support);
        for (int i = 0; i < c.size(); i++) {
            Set<String> opposites = OPPOSITE_OF.get(c.get(i).key());
            if (opposites == null) {
                continue;
            }
            for (int j = 0; j < s.size(); j++) {
                if (opposites.contains(s.get(j).key()) && shareNeighbour(c, i, s, j)
                        && !saysSameOf(c.get(i).key(), c, i, s)) {
                    return new String[]{c.get(i).text(), s.get(j).text()};
                }
            }
        }
        return null;
    }

    static final int CONTEXT = 3;

    /** Whether the support also says the claim's own word of the same neighbour ("more swiftly" and "less time"). */
    private static boolean saysSameOf(String key, List<Word> c, int i, List<Word> s) {
        for (int j = 0; j < s.size(); j++) {
            if (s.get(j).key().equals(key) && shareNeighbour(c, i, s, j)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the words at {@code i} and {@code j} qualify the same thing: one of the two nearest words on one
     * side of each is the same ("least significant military partner", "most significant military partner").
     */
    private static boolean shareNeighbour(List<Word> a, int i, List<Word> b, int j) {
        if (bound(a, i) || bound(b, j)) {
            return false;
        }
        for (int side : new int[]{-1, 1}) {
            List<String> x = neighbours(a, i, side);
            List<String> y = neighbours(b, j, side);
            if (x.stream().anyMatch(y::contains)) {
                return true;
            }
        }
        return false;
    }

    /** "or more", "at least", "no less": fixed phrases, not a claim of more or less. */
    private static boolean bound(List<Word> words, int i) {
        String w = words.get(i).key();
        String before = i > 0 ? words.get(i - 1).key() : "";
        return (before.equals("or") || before.equals("no") || before.equals("much")) && (w.equals("more")
                || w.equals("less") || w.equals("fewer")) || before.equals("at") && (w.equals("least") || w.equals("most"));
    }

    /** The two nearest words that are not stop words, before ({@code side} -1) or after (+1), as crude stems. */
    private static List<String> neighbours(List<Word> words, int i, int side) {
        List<String> found = new java.util.ArrayList<>(2);
        for (int k = i + side, steps = 0; k >= 0 && k < words.size() && steps < CONTEXT + 1 && found.size() < 2;
             k += side, steps++) {
            if (!STOP.contains(words.get(k).key())) {
                found.add(Grammar.stem(words.get(k).key()));
            }
        }
        return found;
    }


    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "in", "on", "and", "or", "is",
            "are", "was", "were", "be", "been", "has", "have", "had", "as", "at", "by", "for", "with", "that",
            "this", "it", "its", "than", "from", "his", "her", "their", "our", "thus", "so", "also", "very");

    /** Two-word verbs of more and less, read as one word: "stepped up" is "increased", "scaled back" "reduced". */
    private static final Map<String, String> PHRASES = Map.of("up", "increased", "back", "reduced", "down", "reduced");
    private static final Set<String> PHRASE_VERBS = Set.of("step", "stepped", "steps", "stepping", "ramp", "ramped",
            "scale", "scaled", "scaling", "cut", "cuts", "wound", "wind", "dial", "dialled", "dialed");

    /**
     * Words with "non" joined to the word after its hyphen ("non-lethal" is one word here), and two-word
     * verbs of more and less read as one ("stepped up", "scaled back").
     */
    private static List<Word> joinedNon(List<Word> words) {
        List<Word> out = new java.util.ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (PHRASE_VERBS.contains(w.key()) && i + 1 < words.size() && PHRASES.containsKey(words.get(i + 1).key())
                    && !(w.key().startsWith("step") && !words.get(i + 1).key().equals("up"))) {
                String meaning = PHRASES.get(words.get(i + 1).key());
                out.add(new Word(w.text() + " " + words.get(i + 1).text(), w.start(), meaning, w.opensClause(), false));
                i++;
                continue;
            }
            if (w.key().equals("non") && i + 1 < words.size() && words.get(i + 1).hyphenated()) {
                Word next = words.get(i + 1);
                out.add(new Word("non-" + next.text(), w.start(), "non-" + next.key(), w.opensClause(), false));
                i++;
            } else {
                out.add(w);
            }
        }
        return out;
    }
}
