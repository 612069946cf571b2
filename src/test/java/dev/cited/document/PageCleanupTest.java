package dev.cited.document;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Visual lines of PDF pages into the text Cited indexes and quotes. */
class PageCleanupTest {

    private static String text(String... pages) {
        return PageCleanup.join(List.of(pages), null, "application/pdf", true).text();
    }

    @Test
    void givenWordsHyphenatedAtLineEnds_whenJoined_thenTheDocumentsOwnSpellingDecides() {
        assertEquals("An example of a trace.", text("An exam-\nple of a trace."));
        assertEquals("TraceMonkey is fast. TraceMonkey records traces.",
                text("Trace-\nMonkey is fast. TraceMonkey records traces."), "written as one word elsewhere");
        assertEquals("Glaxo-SmithKline sued.", text("Glaxo-\nSmithKline sued."), "a capital starts a compound");
        assertEquals("The mixed-mode runtime is a mixed-mode design.",
                text("The mixed-\nmode runtime is a mixed-mode design."), "hyphenated elsewhere: kept");
    }

    @Test
    void givenASentenceRunningOverAPageBreak_whenJoined_thenItContinuesAndThePageStartsWhereTheNextPageDoes() {
        Extracted extracted = PageCleanup.join(List.of("The objects’ rep-", "resentations are compact."), null,
                "application/pdf", true);
        assertEquals("The objects’ representations are compact.", extracted.text());
        assertEquals(List.of(0, "The objects’ rep".length()), extracted.pageStarts());

        assertEquals("It ended here.\n\nthe next page", text("It ended here.", "the next page"),
                "a finished sentence stays a paragraph");
    }

    @Test
    void givenLinesOfNothingButSymbols_whenJoined_thenTheyAreDroppedAndEndTheParagraph() {
        assertEquals("Buy a copy of this book: click here\n\nThe law is changing.",
                text("Buy a copy of this book: click here\n❚ ❘ ❙ ❚ ❘ ❙ ❚ ❘ ❙\nThe law is changing."));
        assertEquals("Section one.\n\nSection two.", text("Section one.\n* * *\nSection two."));
    }

    @Test
    void givenSentencesThePdfGluedTogether_whenJoined_thenTheSpaceIsBackButAbbreviationsAndNamesStay() {
        assertEquals("they could fly. The court held otherwise.", text("they could fly.The court held otherwise."));
        assertEquals("“It was theft.” Then he left.", text("“It was theft.”Then he left."));
        assertEquals("Use ASP.NET or the U.S. Code, e.g. Title 17, see Fig.Three.",
                text("Use ASP.NET or the U.S. Code, e.g. Title 17, see Fig.Three."), "no lower-case pair before the dot");
    }

    @Test
    void givenFootnoteMarksAfterPunctuation_whenJoined_thenTheyGoButNumbersInTheTextStay() {
        assertEquals("You can always flip off the modem. As Neil Netanel argues, copyright law is changing.",
                text("You can always flip off the modem.1 As Neil Netanel argues,11\ncopyright law is changing."));
        assertEquals("It fell to 3.5 percent in 2004, pages 10,11 and chapter 2. Then 40 more.",
                text("It fell to 3.5 percent in 2004, pages 10,11 and chapter 2. Then 40 more."));
    }

    @Test
    void givenWidelySpacedLinesExtractedAsParagraphs_whenJoined_thenASentenceStaysWholeAndParagraphsStaySeparate() {
        assertEquals("Ships\n\nIn the survey the keeper counted forty-two ships passing the northern breakwater.\n\n"
                        + "No ship was lost.",
                text("Ships\n\nIn the survey the keeper counted forty-two\n\nships passing the north-\n\nern breakwater."
                        + "\n\nNo ship was lost."));
    }
}
