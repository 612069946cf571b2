package dev.cited.answer;

import dev.cited.citation.Citation;

import java.util.List;

/** An answerer's output: text with [n] markers and one citation per marker, or an abstention. */
public record Answer(String text, boolean grounded, List<Citation> citations) {
    public Answer {
        citations = List.copyOf(citations);
    }

    /** The documents do not answer: say so plainly, cite nothing. */
    public static Answer abstain() {
        return new Answer(ABSTENTION, false, List.of());
    }

    public static final String ABSTENTION =
            "The documents don't say. I couldn't find anything in them that answers this question, "
                    + "so I won't guess.";
}
