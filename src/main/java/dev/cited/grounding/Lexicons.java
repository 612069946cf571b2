package dev.cited.grounding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cited.document.Document;

/** Each document's {@link Lexicon}, read the first time a claim is checked against it and then kept. */
final class Lexicons {
    /** Enough for the documents of many concurrent questions; a book's lexicon is a few hundred KB. */
    private static final int MAX_DOCUMENTS = 2_000;

    private final Cache<Document, Lexicon> cache = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();

    Lexicon of(Document document) {
        return cache.get(document, d -> Lexicon.of(d.text()));
    }
}
