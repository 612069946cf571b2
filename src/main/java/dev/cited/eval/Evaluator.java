package dev.cited.eval;

import dev.cited.citation.Citation;
import dev.cited.citation.CitationAssembler;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.ConversationService;
import dev.cited.document.Document;
import dev.cited.retrieval.Retriever;
import dev.cited.retrieval.ScoredPassage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Runs a question set through the real conversation service and retriever and scores it. */
public final class Evaluator {
    private final ConversationService conversations;
    private final Retriever retriever;
    private final Function<String, Document> documents;
    private final int k;

    public Evaluator(ConversationService conversations, Retriever retriever, Function<String, Document> documents, int k) {
        this.conversations = conversations;
        this.retriever = retriever;
        this.documents = documents;
        this.k = k;
    }

    public EvalReport run(List<EvalQuestion> questions) {
        Tally t = new Tally();
        for (EvalQuestion q : questions) {
            AskResult result = ask(q, t);
            String asked = q.isFollowUp() ? q.then() : q.question();
            t.structural.add(valid(result));
            if (q.unanswerable()) {
                boolean abstained = !result.grounded() && result.citations().isEmpty();
                t.abstention.add(abstained);
                if (!abstained) t.failures.add(q.id() + " should abstain: " + asked + " -> " + result.answer());
                continue;
            }
            List<int[]> evidence = evidenceSpans(q);
            List<ScoredPassage> retrieved = retriever.retrieve(result.searchQuery(), k);
            int rank = firstCoveringRank(retrieved, q.document(), evidence);
            t.recall.add(rank > 0);
            t.reciprocalRanks.add(rank > 0 ? 1.0 / rank : 0.0);
            boolean hit = result.grounded() && containsAny(result.answer(), q.answerAny());
            t.hits.add(hit);
            if (q.isFollowUp()) t.followUps.add(hit);
            for (Citation c : result.citations()) {
                boolean covering = c.documentId().equals(q.document()) && overlapsAny(c.start(), c.end(), evidence);
                t.citationPrecision.add(covering);
                if (covering && q.page() != null) {
                    // A citation names the page its quote starts on: a quote that begins before the evidence, in
                    // a sentence running over the page break, rightly names the page before.
                    boolean startsEarlier = evidence.stream().anyMatch(e -> c.start() < e[0] && c.end() > e[0]);
                    boolean right = c.page() != null
                            && (c.page().equals(q.page()) || (c.page() == q.page() - 1 && startsEarlier));
                    t.pages.add(right);
                    if (!right) {
                        t.failures.add(q.id() + " cited page " + c.page() + " for evidence on page " + q.page() + ": "
                                + asked + " -> “" + c.quote() + "”");
                    }
                }
            }
            if (!hit) {
                t.failures.add(q.id() + " missed" + (rank > 0 ? "" : " (evidence not retrieved)") + ": " + asked
                        + " [searched: " + result.searchQuery() + "] -> " + result.answer());
            }
        }
        return new EvalReport(questions.size(), k, t.recall.rate(), mean(t.reciprocalRanks), t.hits.rate(),
                t.citationPrecision.rate(), t.structural.rate(), t.abstention.rate(), t.followUps.rate(),
                t.pages.rate(), percentile(t.latencies, 50), percentile(t.latencies, 95), t.failures);
    }

    private AskResult ask(EvalQuestion q, Tally t) {
        AskResult first = timed(AskRequest.of(q.question()), t);
        return q.isFollowUp() ? timed(new AskRequest(q.then(), first.conversationId()), t) : first;
    }

    private AskResult timed(AskRequest request, Tally t) {
        long start = System.nanoTime();
        AskResult result = conversations.ask(request);
        t.latencies.add((System.nanoTime() - start) / 1e6);
        return result;
    }

    /** Every citation quotes its document exactly, and markers and citations match one to one. */
    private boolean valid(AskResult result) {
        Set<Integer> markers = new HashSet<>(CitationAssembler.markersIn(result.answer()));
        Set<Integer> cited = new HashSet<>();
        for (Citation c : result.citations()) {
            Document d = documents.apply(c.documentId());
            if (d == null || c.start() < 0 || c.end() > d.text().length() || c.start() >= c.end()
                    || !d.text().substring(c.start(), c.end()).equals(c.quote())) {
                return false;
            }
            cited.add(c.marker());
        }
        return markers.equals(cited) && (result.grounded() || result.citations().isEmpty());
    }

    private List<int[]> evidenceSpans(EvalQuestion q) {
        List<int[]> spans = new ArrayList<>();
        Document d = q.document() == null ? null : documents.apply(q.document());
        if (d == null) {
            return spans;
        }
        for (String e : q.evidence()) {
            for (int i = d.text().indexOf(e); i >= 0; i = d.text().indexOf(e, i + 1)) {
                spans.add(new int[]{i, i + e.length()});
            }
        }
        return spans;
    }

    private static int firstCoveringRank(List<ScoredPassage> retrieved, String documentId, List<int[]> evidence) {
        for (int i = 0; i < retrieved.size(); i++) {
            var p = retrieved.get(i).passage();
            if (p.documentId().equals(documentId) && overlapsAny(p.start(), p.end(), evidence)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean overlapsAny(int start, int end, List<int[]> spans) {
        return spans.stream().anyMatch(s -> start < s[1] && s[0] < end);
    }

    private static boolean containsAny(String answer, List<String> expected) {
        String lower = answer.toLowerCase(Locale.ROOT);
        return expected.stream().anyMatch(e -> lower.contains(e.toLowerCase(Locale.ROOT)));
    }

    private static double mean(List<Double> values) {
        return values.isEmpty() ? Double.NaN : values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** The nearest-rank percentile {@code p} of {@code values}; NaN when there are none. */
    public static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }


    private static final class Tally {
        final Rate recall = new Rate();
        final Rate hits = new Rate();
        final Rate followUps = new Rate();
        final Rate citationPrecision = new Rate();
        final Rate structural = new Rate();
        final Rate abstention = new Rate();
        final Rate pages = new Rate();
        final List<Double> reciprocalRanks = new ArrayList<>();
        final List<Double> latencies = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
    }
}
