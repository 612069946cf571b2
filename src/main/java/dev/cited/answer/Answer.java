package dev.cited.answer;

import dev.cited.citation.Citation;
import dev.cited.grounding.StatementVerdict;
import dev.cited.grounding.UnsupportedStatement;

import java.util.List;

/**
 * An answerer's output: text with [n] markers and one citation per marker, or an abstention.
 *
 * @param unsupported statements the answerer wrote that nothing sent supports (removed from {@code text},
 *                    or kept there marked, by the grounding mode)
 * @param verdicts    every check made, for integrators tuning thresholds
 */
public record Answer(String text, boolean grounded, List<Citation> citations, List<UnsupportedStatement> unsupported,
                     List<StatementVerdict> verdicts) {
    public Answer {
        citations = List.copyOf(citations);
        unsupported = List.copyOf(unsupported);
        verdicts = List.copyOf(verdicts);
    }

    public Answer(String text, boolean grounded, List<Citation> citations) {
        this(text, grounded, citations, List.of(), List.of());
    }

    /** The documents do not answer: say so plainly, cite nothing. */
    public static Answer abstain() {
        return new Answer(ABSTENTION, false, List.of());
    }

    /** The documents do not answer, and here is why: what the answerer wrote that they do not support. */
    public static Answer abstain(String why, List<UnsupportedStatement> unsupported, List<StatementVerdict> verdicts) {
        return new Answer(ABSTENTION_START + " " + why, false, List.of(), unsupported, verdicts);
    }

    /** The same answer with the checks behind it. */
    public Answer withVerdicts(List<StatementVerdict> checks) {
        return new Answer(text, grounded, citations, unsupported, checks);
    }

    public static final String ABSTENTION_START = "The documents don't say.";
    public static final String ABSTENTION = ABSTENTION_START
            + " I couldn't find anything in them that answers this question, so I won't guess.";
}
