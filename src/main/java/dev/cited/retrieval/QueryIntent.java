package dev.cited.retrieval;

import java.util.regex.Pattern;

/** Recognises questions about the collection as a whole ("What are the documents about?", "Summarise …"). */
public final class QueryIntent {
    private static final String COLLECTION = "(?:documents?|articles?|texts?|files?|sources?|collection|corpus|papers?|reports?)";
    private static final String THE = "(?:all )?(?:of )?(?:the |these |this |those |your |my )?";
    private static final String ASK = "(?:(?:please |can you |could you |would you )*)";
    /**
     * "Summarise the documents", "Give me an overview", "What are the main topics?", "What do the files cover?".
     * A summary or overview the documents themselves contain ("Who wrote the overview of TAM?") is a question
     * about them like any other.
     */
    private static final Pattern OVERVIEW = Pattern.compile("(?i)"
            + "^\\W*" + ASK + "summar(?:ise|ize)(?: " + THE + COLLECTION + ")?\\W*$"
            + "|^\\W*" + ASK + "(?:give|show|tell) (?:me |us )?(?:an? |the )?(?:short |brief |quick )?"
            + "(?:overview|summary|gist)(?: of " + THE + COLLECTION + ")?\\W*$"
            + "|^\\W*(?:an? |the )?(?:short |brief |quick )?(?:overview|summary|gist)(?: of " + THE + COLLECTION + ")?\\W*$"
            + "|\\b(?:summar(?:ise|ize|y)|overview|gist) of " + THE + COLLECTION + "\\b"
            + "|\\bmain (?:topics?|points?|ideas?|themes?)\\b"
            + "|\\bwhat (?:are|is|'s) (?:all )?(?:the |these |this |those |your )?" + COLLECTION + " (?:about|on|covering)\\b"
            + "|\\bwhat do(?:es)? (?:the |these |this |your )?" + COLLECTION + " (?:say|cover|discuss|contain)\\W*$"
            + "|\\bwhat (?:can|could|should) i ask\\b|\\bwhat do you know\\W*$");

    private QueryIntent() {
    }

    public static boolean isOverview(String question) {
        return OVERVIEW.matcher(question.strip()).find();
    }
}
