package dev.cited.retrieval;

import dev.cited.chunking.Passage;
import dev.cited.document.Document;
import dev.cited.index.PassageIndex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * For a question about the collection as a whole, retrieves each document's opening passage — where news
 * and reports say what they are about — ordered by how well the document matches the question; every other
 * question goes to the wrapped retriever unchanged.
 */
public final class OverviewRetriever implements Retriever {
    private final Retriever delegate;
    private final PassageIndex index;

    public OverviewRetriever(Retriever delegate, PassageIndex index) {
        this.delegate = delegate;
        this.index = index;
    }

    @Override
    public List<ScoredPassage> retrieve(String query, int k) {
        return QueryIntent.isOverview(query) ? openings(delegate.retrieve(query, k), k) : delegate.retrieve(query, k);
    }

    @Override
    public List<ScoredPassage> retrieve(Query query, int k) {
        return query.overview() ? openings(delegate.retrieve(query, k), k) : delegate.retrieve(query, k);
    }

    /** Each document's opening passage, the documents that best match the question first. */
    private List<ScoredPassage> openings(List<ScoredPassage> matching, int k) {
        Set<String> documents = new LinkedHashSet<>();
        matching.forEach(hit -> documents.add(hit.passage().documentId()));
        index.documents().stream().map(Document::id).forEach(documents::add);
        List<ScoredPassage> openings = new ArrayList<>();
        for (String id : documents) {
            if (openings.size() >= k) {
                break;
            }
            index.passage(id + "#0").ifPresent(p -> openings.add(opening(p, openings.size())));
        }
        return openings;
    }

    private static ScoredPassage opening(Passage passage, int rank) {
        return new ScoredPassage(passage, 1.0 / (rank + 1), null, null);
    }

    @Override
    public String name() {
        return delegate.name();
    }
}
