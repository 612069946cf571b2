package dev.cited.citation;

import java.util.List;

/** Answer text whose every [n] marker has the citation numbered n, and every citation is referenced. */
public record CitedText(String text, List<Citation> citations) {
    public CitedText {
        citations = List.copyOf(citations);
    }
}
