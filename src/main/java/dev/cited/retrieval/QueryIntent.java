package dev.cited.retrieval;

import java.util.regex.Pattern;

/** Recognises questions about the collection as a whole ("What are the documents about?", "Summarise …"). */
public final class QueryIntent {
    private static final String COLLECTION = "(?:documents?|articles?|texts?|files?|sources?|collection|corpus|papers?|reports?)";
    private static final Pattern OVERVIEW = Pattern.compile("(?i)\\bsummar(?:y|ise|ize|ies)\\b|\\boverview\\b|\\bgist\\b"
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
