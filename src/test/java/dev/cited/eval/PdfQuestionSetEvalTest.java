package dev.cited.eval;

import dev.cited.app.CitedConfig;
import dev.cited.app.CitedEngine;
import dev.cited.document.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality gate for PDFs: eval/pdf.jsonl asks about the real paper, book and review article in
 * ../shared/samples/pdf (tracemonkey.pdf, freeculture.pdf, TAMReview.pdf), copied into a folder of their own
 * and served by the default offline engine (hybrid retrieval, extractive answerer), as
 * {@code cited eval --seeds DIR eval/pdf.jsonl} would. It depends on ../shared beside the checkout and is
 * skipped when ../shared/samples/pdf is missing. Each answerable question names the page its evidence is on,
 * and every citation covering that evidence must carry that page.
 *
 * <p>Building the engine embeds the book's 3,960 passages: about two minutes on two cores, by far the
 * longest test of the build. With BM25 alone it takes ten seconds, but the other
 * question sets are scored with the defaults, so this one is too.
 *
 * <p>Measured with the defaults (36 questions, 31 answerable, 5 not): recall@5 93.5%, MRR 0.834, hit rate
 * 58.1%, citation precision 60.0%, structural validity 100%, abstention 60.0% (3 of 5), page accuracy 100%
 * (a quote that starts on the page before its evidence, in a sentence running over the page break, names
 * that page). Before the space lost between glued sentences ("fly.The") was put back, footnote marks after
 * punctuation dropped, blank lines inside a sentence ignored, "how many X" answered only by a sentence
 * naming X and counting with a number of its own (not "x86", not "Figure 4"): recall 90.3%, MRR 0.824,
 * precision 60.0%, abstention 60.0% (the glue fix alone: 40%, fc-no-sales answered from a sentence counting
 * something else). Before words split at page breaks were joined and "overview" in a question stopped meaning
 * the whole collection: hit rate 51.6%, precision 45.7%, abstention 40%. The misses that remain, and why:
 * <ul>
 * <li>text extraction: TAMReview.pdf's body font has no Unicode map, so pages 2-22 are stray symbols and its
 *     readable headings glued words ("usingaparticularsystemwouldenhance…"), not retrieved (tam-pu);
 * <li>the wrong sentence of a retrieved passage: one sharing the question's words rather than the one holding
 *     the answer (tm-x86, fc-romeo, tam-editor, tm-suite;
 *     fc-keaton "That genius was Buster Keaton.", the answer being the next sentence), a fragment ("Mickey Mouse and “Rhapsody in Blue.”", fc-mickey), a sentence naming the
 *     person instead of "They demanded $12,000 to dismiss the case." (fc-jesse), a byline no sentence can
 *     match (tam-author-review); evidence not retrieved (tm-venue, the conference is in page 1's footnote);
 * <li>wrong abstentions: "How many more times" read as a claim of "many" against the source's "a few"
 *     (tm-backoff); "For $25, anyone could make pictures." judged not to answer (fc-kodak);
 * <li>unanswerables answered from a near topic (tm-no-license, fc-no-birth with a note citing "Lawrence
 *     Lessig, “The New Chicago School,” … June 1998").
 * </ul>
 */
class PdfQuestionSetEvalTest {
    private static final Path SAMPLES = Path.of("../shared/samples/pdf");
    private static final List<String> FILES = List.of("tracemonkey.pdf", "freeculture.pdf", "TAMReview.pdf");
    private static final Path SET = Path.of("eval/pdf.jsonl");

    @TempDir
    static Path folder;

    private static CitedEngine engine;

    @BeforeAll
    static void serveTheSamples() throws IOException {
        Assumptions.assumeTrue(FILES.stream().allMatch(f -> Files.isRegularFile(SAMPLES.resolve(f))),
                "the sample PDFs live in ../shared/samples/pdf beside the checkout");
        for (String file : FILES) {
            Files.copy(SAMPLES.resolve(file), folder.resolve(file));
        }
        engine = CitedEngine.create(CitedConfig.builder().port(0).seeds(folder).build(), Map.of());
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void givenThePdfSet_whenItsEvidenceIsLookedUp_thenEachIsQuotedExactlyOnThePageItNames() {
        List<EvalQuestion> questions = EvalQuestion.read(SET);
        List<String> wrong = new ArrayList<>();
        for (EvalQuestion q : questions) {
            if (q.unanswerable()) {
                continue;
            }
            Document d = engine.index().document(q.document()).orElse(null);
            if (d == null || q.page() == null || q.evidence().isEmpty()) {
                wrong.add(q.id() + ": needs a served document, evidence and a page");
                continue;
            }
            for (String e : q.evidence()) {
                int at = d.text().indexOf(e);
                if (at < 0) {
                    wrong.add(q.id() + ": not in " + q.document() + ": " + e);
                }
                for (; at >= 0; at = d.text().indexOf(e, at + 1)) {
                    if (!q.page().equals(d.pageAt(at)) || !q.page().equals(d.pageAt(at + e.length() - 1))) {
                        wrong.add(q.id() + ": on page " + d.pageAt(at) + ", not " + q.page() + ": " + e);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        long unanswerable = questions.stream().filter(EvalQuestion::unanswerable).count();
        assertTrue(questions.size() >= 25 && unanswerable >= 3, "25 questions or more, some the PDFs do not answer");
        assertTrue(FILES.stream().map(f -> f.replace(".pdf", ""))
                        .allMatch(id -> questions.stream().anyMatch(q -> id.equals(q.document()))),
                "questions about each of the three PDFs");
    }

    @Test
    void givenThePdfSet_whenEvaluatedOffline_thenItMeetsItsThresholdsAndEveryPageCitedIsRight() {
        EvalReport report = engine.evaluator(5).run(EvalQuestion.read(SET));
        System.out.println("== " + SET + "\n" + report.format());
        assertEquals(List.of(), EvalThresholds.PDF_SET.misses(report), report.format());
        assertFalse(Double.isNaN(report.pageAccuracy()), "pages were checked");
        assertEquals(1.0, report.pageAccuracy(), report.format());
    }
}
