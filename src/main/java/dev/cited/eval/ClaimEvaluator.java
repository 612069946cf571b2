package dev.cited.eval;

import dev.cited.citation.Citation;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.ConversationService;
import dev.cited.document.Document;
import dev.cited.grounding.UnsupportedStatement;
import dev.cited.retrieval.Retriever;
import dev.cited.retrieval.ScoredPassage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a claim set through a conversation service whose model is the {@link ScriptedModelServer} and scores
 * what the user is shown: which true claims kept a citation covering their evidence, which planted errors
 * still appear as cited text, and whether anything removed went unlisted.
 */
public final class ClaimEvaluator {
    private static final Pattern MARKERS = Pattern.compile("^\\s*((?:\\[\\d+])+)");

    private final ConversationService conversations;
    private final Retriever retriever;
    private final Function<String, Document> documents;
    private final int k;

    public ClaimEvaluator(ConversationService conversations, Retriever retriever, Function<String, Document> documents,
                          int k) {
        this.conversations = conversations;
        this.retriever = retriever;
        this.documents = documents;
        this.k = k;
    }

    public ClaimReport run(List<ClaimCase> cases) {
        Tally t = new Tally();
        for (ClaimCase c : cases) {
            AskResult result = conversations.ask(new AskRequest(c.question(), null, true));
            List<ScoredPassage> sent = retriever.retrieve(result.searchQuery(), k);
            for (ClaimCase.Sentence s : c.sentences()) {
                score(c, s, result, sent, t);
            }
        }
        List<String> byKind = new ArrayList<>();
        t.plantedByKind.forEach((kind, counts) -> byKind.add(String.format(java.util.Locale.ROOT,
                "%-9s caught %d of %d", kind, counts[0], counts[1])));
        return new ClaimReport(cases.size(), t.trueClaims, t.planted, t.precision.rate(), t.caught.rate(),
                t.retained.rate(), t.reattributed.rate(), t.silent, t.notSent, byKind, t.failures);
    }

    private void score(ClaimCase c, ClaimCase.Sentence s, AskResult result, List<ScoredPassage> sent, Tally t) {
        List<Citation> cited = citationsOf(s.text(), result);
        boolean shown = cited != null;
        boolean listed = result.unsupported().stream().map(UnsupportedStatement::text).anyMatch(u -> same(u, s.text()));
        if (!shown && !listed) {
            t.silent++;
            t.failures.add(c.id() + " dropped without a word: " + s.text());
        }
        boolean citedAtAll = cited != null && !cited.isEmpty();
        if (s.isTrue()) {
            boolean covering = citedAtAll && cited.stream().anyMatch(ct -> covers(ct, s));
            if (citedAtAll) {
                t.precision.add(covering);
            }
            if (!evidenceSent(s, sent)) {
                t.notSent++;
                return;
            }
            t.trueClaims++;
            t.retained.add(covering);
            if (s.cite() == ClaimCase.Cite.WRONG) {
                t.reattributed.add(covering);
            }
            if (!covering) {
                String why = result.unsupported().stream().filter(u -> same(u.text(), s.text()))
                        .map(UnsupportedStatement::reason).findFirst().orElse(citedAtAll ? "cited elsewhere" : "uncited");
                t.failures.add(c.id() + " true claim lost (" + why + "): " + s.text());
            }
        } else {
            t.planted++;
            int[] counts = t.plantedByKind.computeIfAbsent(s.planted(), x -> new int[2]);
            counts[1]++;
            if (citedAtAll) {
                t.precision.add(false);
                t.caught.add(false);
                String as = result.verdicts().stream().filter(v -> same(v.statement(), s.text()) && v.quote() != null)
                        .map(v -> " (supported, it was judged, by “" + v.quote() + "”)").findFirst().orElse("");
                t.failures.add(c.id() + " planted " + s.planted() + " shown as cited fact: " + s.text() + as);
            } else {
                t.caught.add(true);
                counts[0]++;
            }
        }
    }

    /** The citations right after the sentence in the answer; null when the sentence is not in it. */
    private static List<Citation> citationsOf(String sentence, AskResult result) {
        String core = sentence.strip().replaceAll("[.!?]$", "");
        int at = result.answer().indexOf(core);
        if (at < 0) {
            return null;
        }
        Matcher m = MARKERS.matcher(result.answer().substring(at + core.length()));
        List<Citation> cited = new ArrayList<>();
        if (m.find()) {
            for (String number : m.group(1).replace("[", " ").replace("]", " ").trim().split("\\s+")) {
                int marker = Integer.parseInt(number);
                result.citations().stream().filter(ct -> ct.marker() == marker).forEach(cited::add);
            }
        }
        return cited;
    }

    private boolean covers(Citation c, ClaimCase.Sentence s) {
        Document d = documents.apply(s.document());
        if (d == null || !c.documentId().equals(s.document())) {
            return false;
        }
        for (String e : s.evidence()) {
            for (int i = d.text().indexOf(e); i >= 0; i = d.text().indexOf(e, i + 1)) {
                if (c.start() < i + e.length() && i < c.end()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean evidenceSent(ClaimCase.Sentence s, List<ScoredPassage> sent) {
        return s.evidence().stream().anyMatch(e -> sent.stream().anyMatch(p ->
                p.passage().documentId().equals(s.document()) && p.passage().text().contains(e)));
    }

    private static boolean same(String a, String b) {
        return a.strip().replaceAll("[.!?]$", "").equals(b.strip().replaceAll("[.!?]$", ""));
    }


    private static final class Tally {
        final Rate precision = new Rate();
        final Rate caught = new Rate();
        final Rate retained = new Rate();
        final Rate reattributed = new Rate();
        final Map<String, int[]> plantedByKind = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        int trueClaims;
        int planted;
        int silent;
        int notSent;
    }
}
