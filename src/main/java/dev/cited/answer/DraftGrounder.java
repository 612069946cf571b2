package dev.cited.answer;

import dev.cited.chunking.Passage;
import dev.cited.chunking.SentenceSplitter;
import dev.cited.chunking.Span;
import dev.cited.citation.CitationAssembler;
import dev.cited.citation.CitedText;
import dev.cited.citation.MarkerForms;
import dev.cited.citation.Quote;
import dev.cited.grounding.Claim;
import dev.cited.grounding.ClaimParts;
import dev.cited.grounding.Evidence;
import dev.cited.grounding.EvidencePool;
import dev.cited.grounding.GroundingMode;
import dev.cited.grounding.SentenceSupport;
import dev.cited.grounding.StatementVerdict;
import dev.cited.grounding.SupportFinder;
import dev.cited.grounding.UnsupportedStatement;
import dev.cited.grounding.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a model's draft into a grounded answer. Every sentence it wrote is verified, cited or not: one that
 * a passage sent supports keeps a citation to the sentence(s) that do (re-attributed when the model named
 * the wrong passage); one that nothing sent supports is removed and listed as unsupported with the reason
 * (or, in {@link GroundingMode#FLAG}, kept marked "⚠" and uncited). Sentences that state nothing
 * ("Here is what I found:") stay as they are. When nothing supported is left, the answer abstains and says why.
 */
public final class DraftGrounder {
    /**
     * Statements verified per answer; the rest are listed as not checked. Each takes a fraction of a
     * millisecond plus one embedding (about 8 ms on 2 cores), so an answer stays well inside the model timeout.
     */
    static final int MAX_STATEMENTS = 200;
    /** What a flagged statement is marked with, in the answer text. */
    public static final String FLAG = "⚠ ";
    /** List bullets and numbers before a statement: kept as they are, not part of the claim. */
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•]|\\d{1,2}[.)])\\s+");
    /** A space a removed marker leaves before punctuation: "shells [1]." leaves "shells .". */
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([.,;:!?])");
    /** Emphasis a model may add: "**North Korea**". */
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`");
    /** Statements about the documents rather than the world: "The passages do not say when…". */
    private static final Pattern ABOUT_THE_DOCUMENTS = Pattern.compile("(?i)\\b(?:documents?|passages?|sources?|texts?"
            + "|articles?|context|information provided)\\b.*\\b(?:do(?:es)?n['’]t|do(?:es)? not|never|nothing)\\b"
            + "|\\bI (?:could not|couldn['’]t|can(?:not|['’]t)|did not|didn['’]t) find\\b");

    private final EvidencePool pool;
    private final SupportFinder finder;
    private final SentenceSupport terms;
    private final GroundingMode mode;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public DraftGrounder(EvidencePool pool, SupportFinder finder, SentenceSupport terms, GroundingMode mode) {
        this.pool = pool;
        this.finder = finder;
        this.terms = terms;
        this.mode = mode;
    }

    /** @param sent the passages the model was given, as numbered in its prompt ([1] first) */
    public Answer ground(String draft, List<Passage> sent) {
        String text = MarkerForms.plain(draft).strip();
        List<Statement> statements = statements(text);
        List<Evidence> candidates = pool.candidates(sent);
        List<Quote> quotes = new ArrayList<>();
        List<UnsupportedStatement> unsupported = new ArrayList<>();
        List<StatementVerdict> verdicts = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        int claims = 0;
        for (Statement s : statements) {
            if (!isClaim(s.claim)) {
                out.append(s.lead).append(s.claim);
                continue;
            }
            claims++;
            if (claims > MAX_STATEMENTS) {
                unsupported.add(new UnsupportedStatement(s.claim, "not checked: the answer has more than "
                        + MAX_STATEMENTS + " statements"));
                continue;
            }
            Set<Integer> cited = new TreeSet<>();
            s.markers.stream().filter(m -> m >= 1 && m <= sent.size()).forEach(cited::add);
            Verdict v = finder.find(Claim.statement(s.claim), candidates, cited);
            verdicts.add(StatementVerdict.of(s.claim, v));
            List<Quote> support = v.supported() ? v.support()
                    : v.status() == Verdict.Status.NOT_SUPPORTED ? supportOfParts(s.claim, candidates, cited, verdicts)
                    : List.of();
            if (!support.isEmpty()) {
                List<Integer> markers = new ArrayList<>();
                for (Quote q : support) {
                    quotes.add(q);
                    markers.add(quotes.size());
                }
                out.append(s.lead).append(CitationAssembler.attach(s.written, markers));
            } else {
                boolean flagged = mode == GroundingMode.FLAG;
                unsupported.add(new UnsupportedStatement(s.claim, v.reason(), flagged));
                if (flagged) {
                    // as listed, so the text a face marks is the text it is told about
                    out.append(s.lead).append(FLAG).append(s.claim);
                }
            }
        }
        if (quotes.isEmpty()) {
            String why = claims == 0 ? "The model's answer stated nothing that could be checked against them."
                    : "What the model wrote (" + claims + (claims == 1 ? " statement" : " statements")
                    + ") is not supported by the passages found, so it is not shown as fact.";
            return Answer.abstain(why, unsupported, verdicts);
        }
        CitedText cited = CitationAssembler.assemble(out.toString(), (marker, claim) ->
                marker >= 1 && marker <= quotes.size() ? Optional.of(quotes.get(marker - 1)) : Optional.empty());
        return new Answer(cited.text(), true, cited.citations(), unsupported, verdicts);
    }

    /**
     * The supports of a statement that joins two facts ("Yoon, who won power in 2022, was the first…"), each
     * found on its own; empty unless every part is supported.
     */
    private List<Quote> supportOfParts(String claim, List<Evidence> candidates, Set<Integer> cited,
                                       List<StatementVerdict> verdicts) {
        List<String> parts = ClaimParts.of(claim);
        List<Quote> found = new ArrayList<>();
        for (String part : parts) {
            Verdict v = finder.find(Claim.statement(part), candidates, cited);
            verdicts.add(StatementVerdict.of(part, v));
            if (!v.supported()) {
                return List.of();
            }
            if (!found.contains(v.evidence().quote())) {
                found.add(v.evidence().quote());
            }
        }
        return found;
    }

    /**
     * A statement worth checking: it says something about the world (not "Also." or an introduction ending
     * in a colon, a question, or a remark about the documents themselves).
     */
    private boolean isClaim(String claim) {
        if (claim.isBlank() || claim.endsWith("?") || claim.endsWith(":") || ABOUT_THE_DOCUMENTS.matcher(claim).find()) {
            return false;
        }
        return !terms.contentTerms(claim).isEmpty();
    }

    /** The draft's sentences, each with what stood before it, its markers, and its text without them. */
    private List<Statement> statements(String text) {
        List<Span> spans = splitter.split(text);
        List<Statement> statements = new ArrayList<>();
        int previousEnd = 0;
        for (Span span : spans) {
            String lead = text.substring(previousEnd, span.start());
            String body = span.of(text);
            previousEnd = span.end();
            int markersEnd = CitationAssembler.leadingMarkersEnd(body);
            if (markersEnd > 0 && !statements.isEmpty()) {
                // "… provision. [1] Russia will …": the markers belong to the sentence before
                statements.set(statements.size() - 1,
                        statements.get(statements.size() - 1).withMarkers(body.substring(0, markersEnd)));
                body = body.substring(markersEnd).stripLeading();
            }
            Matcher bullet = BULLET.matcher(body);
            if (bullet.find()) {
                lead = lead + bullet.group();
                body = body.substring(bullet.end());
            }
            statements.add(Statement.of(lead, body));
        }
        if (previousEnd < text.length() && !statements.isEmpty()) {
            Statement last = statements.get(statements.size() - 1);
            statements.set(statements.size() - 1, last.withMarkers(text.substring(previousEnd)));
        }
        return statements;
    }

    /**
     * One sentence of the draft.
     *
     * @param lead    what stands before it: spaces, a line break, a bullet
     * @param written its text without markers, as the model wrote it
     * @param claim   what is verified: the text without emphasis
     * @param markers the passage numbers its markers named
     */
    private record Statement(String lead, String written, String claim, List<Integer> markers) {
        static Statement of(String lead, String body) {
            String written = CitationAssembler.withoutMarkers(body);
            written = SPACE_BEFORE_PUNCTUATION.matcher(written).replaceAll("$1");
            String claim = EMPHASIS.matcher(written).replaceAll("").strip();
            return new Statement(lead, written, claim, CitationAssembler.markersIn(body));
        }

        Statement withMarkers(String moreMarkers) {
            List<Integer> all = new ArrayList<>(markers);
            all.addAll(CitationAssembler.markersIn(moreMarkers));
            return new Statement(lead, written, claim, all);
        }
    }
}
