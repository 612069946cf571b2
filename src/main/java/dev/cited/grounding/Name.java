package dev.cited.grounding;

import java.util.List;

/**
 * A name as written: a person, place, organisation, title or the adjective of a place ("South Korean").
 *
 * @param keys  its words in matching form, places for their adjectives ("south", "korea" for "South Korean")
 * @param text  as written
 * @param start offset in the text it was read from
 * @param end   end offset
 */
record Name(List<String> keys, String text, int start, int end) {
    Name {
        keys = List.copyOf(keys);
    }

    /** The words of the name that are not titles ("yoon" of "President Yoon"). */
    List<String> core() {
        List<String> core = keys.stream().filter(k -> !NameForms.TITLES.contains(k)).toList();
        return core.isEmpty() ? keys : core;
    }

    List<String> titles() {
        return keys.stream().filter(NameForms.TITLES::contains).toList();
    }

    boolean acronym() {
        return keys.size() == 1 && text.replace(".", "").length() >= 2
                && text.replace(".", "").chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    }
}
