package dev.cited.grounding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one document says about its words: which it writes in lower case (so a capital at a sentence start
 * is not a name) and which names it uses in full (so "Budanov" can stand for its "Kyrylo Budanov").
 */
final class Lexicon {
    /** Common English words: capitalised at a sentence start without being names. */
    static final Set<String> COMMON = load();

    private final Set<String> lowerCase;
    private final Set<List<String>> names;

    private Lexicon(Set<String> lowerCase, Set<List<String>> names) {
        this.lowerCase = lowerCase;
        this.names = names;
    }

    static Lexicon of(String text) {
        List<Word> words = Words.of(text);
        Set<String> lower = new HashSet<>();
        for (Word w : words) {
            if (!w.capitalised() && !w.numeric()) {
                lower.add(w.key());
            }
        }
        Set<List<String>> names = new HashSet<>();
        for (Name name : Names.in(text, words, k -> COMMON.contains(k) || lower.contains(k), k -> false)) {
            names.add(name.keys());
        }
        return new Lexicon(Set.copyOf(lower), Set.copyOf(names));
    }

    /** Whether the document writes {@code key} in lower case somewhere, or it is a common English word. */
    boolean common(String key) {
        return COMMON.contains(key) || lowerCase.contains(key);
    }

    /** Whether the document writes this one word as (part of) a name somewhere: "Beijing". */
    boolean named(String key) {
        return usesName(List.of(key));
    }

    /** Whether the document writes {@code keys} as a name, or as part of one ("Kim Jong Un" in "Kim Jong Un’s"). */
    boolean usesName(List<String> keys) {
        for (List<String> name : names) {
            if (java.util.Collections.indexOfSubList(name, keys) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = Lexicon.class.getResourceAsStream("/grounding/common-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("grounding/common-words.txt missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    for (String w : line.strip().split("\\s+")) {
                        if (!w.isEmpty()) {
                            words.add(w);
                        }
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
