package dev.cited.grounding;

/**
 * A claim read against one candidate support: what every check looks at.
 *
 * @param claim    the claim as read with the support's document
 * @param support  the candidate support
 * @param previous the sentences before it (empty at a document's start)
 * @param next     the sentence after it (empty at a document's end)
 * @param title    the title of its document
 */
record Comparison(Claim.Kind kind, Reading claim, Reading support, Reading previous, Reading next, Reading title,
                  Evidence evidence) {
    boolean question() {
        return kind == Claim.Kind.QUESTION;
    }
}
