package dev.cited.answer;

import dev.cited.chunking.Passage;
import dev.cited.citation.Citation;
import dev.cited.citation.CitationAssembler;
import dev.cited.grounding.GroundingMode;
import dev.cited.grounding.UnsupportedStatement;
import dev.cited.retrieval.ScoredPassage;
import dev.cited.support.SeedEngine;
import dev.cited.support.SeedGrounding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model's draft, grounded over passages really retrieved from the seeds. */
class DraftGrounderTest {
    private static final String SHELLS = "How many artillery shells has North Korea sent to Russia?";
    private static final String CONTAINERS = "Defence agencies in South Korea have tracked around 13,000 shipping "
            + "containers in transit from North Korea to Russia";

    private final DraftGrounder strict = SeedGrounding.grounder(GroundingMode.STRICT);
    private final DraftGrounder flag = SeedGrounding.grounder(GroundingMode.FLAG);

    private static List<Passage> sent(String question) {
        return SeedEngine.get().retriever().retrieve(question, 5).stream().map(ScoredPassage::passage).toList();
    }

    /** The 1-based number of the first passage sent that holds {@code text}. */
    private static int numberOf(List<Passage> sent, String text) {
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).text().contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no passage sent holds " + text);
    }

    private static Citation only(Answer answer) {
        assertEquals(1, answer.citations().size(), answer.citations().toString());
        return answer.citations().get(0);
    }

    @Test
    void givenATrueParaphrase_whenGrounded_thenItKeepsACitationToTheSentenceThatSaysIt() {
        List<Passage> sent = sent(SHELLS);
        int n = numberOf(sent, CONTAINERS);
        Answer answer = strict.ground("South Korean defence agencies have tracked about 13,000 shipping containers "
                + "going from North Korea to Russia [" + n + "].", sent);

        assertTrue(answer.grounded(), answer.toString());
        assertTrue(only(answer).quote().startsWith(CONTAINERS), only(answer).quote());
        assertEquals(List.of(), answer.unsupported());
    }

    @Test
    void givenAChangedNumber_whenGrounded_thenTheClaimIsRemovedAndListedWithBothNumbersInItsReason() {
        List<Passage> sent = sent(SHELLS);
        int n = numberOf(sent, CONTAINERS);
        Answer answer = strict.ground("South Korean defence agencies have tracked around 31,000 shipping containers "
                + "going from North Korea to Russia [" + n + "].", sent);

        assertFalse(answer.grounded());
        assertTrue(answer.text().startsWith(Answer.ABSTENTION_START), answer.text());
        assertTrue(answer.citations().isEmpty());
        UnsupportedStatement removed = answer.unsupported().get(0);
        assertTrue(removed.text().contains("31,000"), removed.text());
        assertTrue(removed.reason().contains("31,000") && removed.reason().contains("13,000"), removed.reason());
    }

    @Test
    void givenAnInventedSentenceAfterATrueOne_whenGrounded_thenOnlyTheTrueOneIsShownAndTheOtherListed() {
        String question = "What pact did Putin and Kim sign?";
        List<Passage> sent = sent(question);
        int n = numberOf(sent, "mutual defence provision");
        Answer answer = strict.ground("The two leaders signed a new quasi-alliance security pact that includes a mutual "
                + "defence provision [" + n + "]. Russia will also build a naval base in Wonsan [" + n + "].", sent);

        assertTrue(answer.grounded());
        assertFalse(answer.text().contains("Wonsan"), answer.text());
        assertTrue(only(answer).quote().contains("mutual defence provision"));
        assertEquals(1, answer.unsupported().size());
        assertTrue(answer.unsupported().get(0).text().contains("Wonsan"));
        assertTrue(answer.unsupported().get(0).reason().contains("Wonsan"), answer.unsupported().get(0).reason());
    }

    @Test
    void givenASwappedName_whenGrounded_thenItIsRemoved() {
        String question = "Who went to Seoul in 2023 to push for a closer partnership?";
        List<Passage> sent = sent(question);
        int n = numberOf(sent, "Ursula von der Leyen");
        Answer answer = strict.ground("Jens Stoltenberg went to Seoul in 2023 to push for a closer partnership [" + n + "].",
                sent);

        assertFalse(answer.grounded());
        assertTrue(answer.unsupported().get(0).reason().contains("Stoltenberg"), answer.unsupported().toString());
    }

    @Test
    void givenATrueClaimCitedWithTheWrongPassage_whenGrounded_thenItIsReattributedToThePassageThatSupportsIt() {
        List<Passage> sent = sent(SHELLS);
        int right = numberOf(sent, CONTAINERS);
        int wrong = right == 1 ? 2 : 1;
        assertFalse(sent.get(wrong - 1).text().contains(CONTAINERS));
        Answer answer = strict.ground("Around 13,000 shipping containers have been tracked moving from North Korea to "
                + "Russia [" + wrong + "].", sent);

        assertTrue(answer.grounded(), answer.toString());
        assertTrue(only(answer).quote().startsWith(CONTAINERS), only(answer).quote());
    }

    @Test
    void givenATrueSentenceWithoutAMarker_whenGrounded_thenItGainsItsCitation() {
        Answer answer = strict.ground("Around 13,000 shipping containers have been tracked moving from North Korea to "
                + "Russia.", sent(SHELLS));

        assertTrue(answer.grounded());
        assertTrue(answer.text().endsWith("Russia [1]."), answer.text());
        assertTrue(only(answer).quote().startsWith(CONTAINERS));
    }

    @Test
    void givenMarkersInEveryForm_whenGrounded_thenNoneSurvivesAsText() {
        List<Passage> sent = sent(SHELLS);
        int n = numberOf(sent, CONTAINERS);
        for (String marker : List.of("[" + n + "]", "[-" + n + "]", "【" + n + "】", "(Passage " + n + ")",
                "[Source " + n + "]", "[Passage " + n + "]", "[#" + n + "]", "[^" + n + "]")) {
            Answer answer = strict.ground("Around 13,000 shipping containers have been tracked moving from North Korea "
                    + "to Russia " + marker + ".", sent);
            assertTrue(answer.grounded(), marker + ": " + answer);
            assertEquals("Around 13,000 shipping containers have been tracked moving from North Korea to Russia [1].",
                    answer.text(), marker);
        }
    }

    @Test
    void givenAConnectingSentence_whenGrounded_thenItStaysUncitedAndIsNotCountedUnsupported() {
        Answer answer = strict.ground("Here is what I found: Around 13,000 shipping containers have been tracked "
                + "moving from North Korea to Russia.", sent(SHELLS));

        assertTrue(answer.grounded());
        assertEquals(List.of(), answer.unsupported());
        assertEquals(List.of(1), CitationAssembler.markersIn(answer.text()));
    }

    @Test
    void givenOnlyMarkers_whenGrounded_thenTheAnswerAbstainsAndSaysWhy() {
        Answer answer = strict.ground("[1] [2][3]", sent(SHELLS));

        assertFalse(answer.grounded());
        assertTrue(answer.text().startsWith(Answer.ABSTENTION_START));
        assertTrue(answer.text().contains("nothing that could be checked"), answer.text());
        assertTrue(answer.citations().isEmpty());
    }

    @Test
    void givenFlagMode_whenAStatementIsUnsupported_thenItStaysMarkedAndUncitedAndIsListed() {
        List<Passage> sent = sent(SHELLS);
        Answer answer = flag.ground("Around 13,000 shipping containers have been tracked moving from North Korea to "
                + "Russia. Russia also sent fighter jets to Pyongyang.", sent);

        assertTrue(answer.grounded());
        assertTrue(answer.text().contains(DraftGrounder.FLAG + "Russia also sent fighter jets to Pyongyang."), answer.text());
        assertEquals(List.of(1), CitationAssembler.markersIn(answer.text()), "the flagged statement cites nothing");
        assertEquals(1, answer.unsupported().size());
        assertTrue(answer.unsupported().get(0).flagged());
        assertFalse(strict.ground("Russia also sent fighter jets to Pyongyang.", sent).unsupported().get(0).flagged());
    }

    @Test
    void givenFlagModeAndAnEmphasisedStatement_whenUnsupported_thenTheAnswerHoldsExactlyTheTextListed() {
        List<Passage> sent = sent(SHELLS);
        Answer answer = flag.ground("Around 13,000 shipping containers have been tracked moving from North Korea to "
                + "Russia. **Russia** also sent `fighter jets` to Pyongyang.", sent);

        UnsupportedStatement listed = answer.unsupported().get(0);
        assertEquals("Russia also sent fighter jets to Pyongyang.", listed.text());
        assertTrue(listed.flagged());
        assertTrue(answer.text().contains(DraftGrounder.FLAG + listed.text()), "a face finds what it marks: " + answer.text());
    }

    @Test
    void givenHundredsOfSentences_whenGrounded_thenEveryOneIsEitherShownOrListed() {
        StringBuilder draft = new StringBuilder();
        for (int i = 0; i < 180; i++) {
            draft.append(i % 2 == 0 ? "Around 13,000 shipping containers have been tracked moving from North Korea to Russia. "
                    : "Russia paid for the shells with " + (i + 10) + " tonnes of gold. ");
        }
        Answer answer = strict.ground(draft.toString(), sent(SHELLS));

        assertTrue(answer.grounded());
        assertEquals(90, answer.unsupported().size());
        assertEquals(90, CitationAssembler.markersIn(answer.text()).size());
    }

    @Test
    void givenMoreStatementsThanAreChecked_whenGrounded_thenTheRestAreListedAsNotChecked() {
        StringBuilder draft = new StringBuilder();
        for (int i = 0; i < DraftGrounder.MAX_STATEMENTS + 5; i++) {
            draft.append("Around 13,000 shipping containers have been tracked moving from North Korea to Russia. ");
        }
        Answer answer = strict.ground(draft.toString(), sent(SHELLS));

        assertEquals(DraftGrounder.MAX_STATEMENTS, CitationAssembler.markersIn(answer.text()).size());
        assertEquals(5, answer.unsupported().size());
        assertTrue(answer.unsupported().get(0).reason().startsWith("not checked"), answer.unsupported().get(0).reason());
    }

    @Test
    void givenAnAnswerInAnotherLanguage_whenGrounded_thenItIsVerifiedWithoutErrorAndNothingIsLostSilently() {
        Answer answer = strict.ground("Nordkorea hat rund 13.000 Container nach Russland geschickt [1]. "
                + "Das ist eine große Menge [2].", sent(SHELLS));

        assertEquals(2, answer.unsupported().size() + CitationAssembler.markersIn(answer.text()).size());
    }
}
