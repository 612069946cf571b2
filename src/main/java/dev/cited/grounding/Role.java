package dev.cited.grounding;

/**
 * A name after a preposition that says which part it plays: "to Russia", "from North Korea", "by Poland".
 *
 * @param preposition "to", "from", "by", "for", "against", "into", "with"
 * @param name        the name in matching form (a country for its capital: "north korea" for "Pyongyang")
 * @param text        as written ("to the United States")
 * @param start       where it starts in the text it was read from
 * @param named       what plays the part is a name ("to Russia"), not a common noun ("to the client")
 */
record Role(String preposition, String name, String text, int start, boolean named) {
}
