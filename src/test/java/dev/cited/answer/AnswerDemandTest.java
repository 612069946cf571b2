package dev.cited.answer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a question's wording demands of a sentence before it can be an answer. */
class AnswerDemandTest {

    @Test
    void givenQuestionsAskingForAName_whenTyped_thenNameUnlessTheVerbIsName() {
        assertEquals(AnswerType.NAME, AnswerType.of("What is the name of the new ICBM?"));
        assertEquals(AnswerType.NAME, AnswerType.of("What was the first meeting between the EU and Korea called?"));
        assertEquals(AnswerType.ANY, AnswerType.of("Which country did he name as Russia's most important partner?"));
        assertEquals(AnswerType.ANY, AnswerType.of("Who is Jens Stoltenberg?"));
    }

    @Test
    void givenAHowManyQuestion_whenASentenceCountsSomethingElse_thenItCannotAnswer() {
        CountedThing copies = CountedThing.of("How many copies of Free Culture were sold in its first year?");
        assertTrue(copies.namedIn("The book sold 10,000 copies."));
        assertTrue(copies.namedIn("Only one copy was sold."));
        assertFalse(copies.namedIn("Copyright © Lawrence Lessig, 2004."), "a longer word sharing the stem");
        assertFalse(copies.namedIn("It was downloaded more than a million times in its first year."));

        assertTrue(CountedThing.of("After how many runs of a trace does compiling it break even?")
                .namedIn("we break even after running a trace 270 times"), "a verb form of the counted noun");
        assertTrue(CountedThing.of("Roughly how many artillery rounds has Kim Jong Un sent?")
                .namedIn("Kim Jong Un has dispatched an estimated 6m artillery shells."), "one word of the phrase");
        assertTrue(CountedThing.of("How many more times must a failed trace point be passed?")
                .namedIn("until it is passed a few more times (32 in our implementation)"), "'more' counts nothing");
        assertFalse(CountedThing.of("How many more times must a failed trace point be passed?")
                .namedIn("A failed trace point is blacklisted after 32 more failures."));
        assertTrue(CountedThing.of("On how many benchmarks is TraceMonkey the fastest VM?")
                .namedIn("TraceMonkey is the fastest VM on 9 of the 26 benchmarks."));
        assertTrue(CountedThing.of("How many ships did the lighthouse keeper count in the spring survey?")
                .namedIn("In the spring survey the lighthouse keeper counted forty-two ships passing the harbour lights."));
        assertTrue(CountedThing.of("Who won the World Cup?").namedIn("Nothing about it."), "counts nothing");
    }

    @Test
    void givenAWhenQuestion_whenASentenceGivesATimeOfDay_thenItCanAnswer() {
        String question = "When does the ferry to Inchon leave?";
        assertEquals(AnswerType.TIME, AnswerType.of(question));
        assertTrue(AnswerType.TIME.canBeAnsweredBy("The ferry to Inchon leaves at 07:40 from pier 3.", question));
        assertTrue(AnswerType.TIME.canBeAnsweredBy("The ferry leaves at 7 pm.", question));
        assertTrue(AnswerType.TIME.canBeAnsweredBy("The ferry leaves every morning.", question));
        assertFalse(AnswerType.TIME.canBeAnsweredBy("The ferry to Inchon leaves from pier 3.", question));
    }

    @Test
    void givenASentence_whenLookingForANameTheQuestionLacks_thenTheOpeningWordAndKnownNamesDoNotCount() {
        String question = "What is the name of the South Korean company bidding to build submarines for Poland?";
        assertFalse(ProperNames.hasNameMissingFrom(
                "This partnership could soon be expanded at sea, as a South Korean company bids to build four"
                        + " submarines for Poland.", question));
        assertFalse(ProperNames.hasNameMissingFrom("Poland’s navy wants them.", question), "possessive of a known name");
        assertFalse(ProperNames.hasNameMissingFrom("Meanwhile, “The deal is close,” he said.", question),
                "capitalised after a quote opens");
        assertTrue(ProperNames.hasNameMissingFrom("The bidder is Hanwha Ocean.", question));
        assertTrue(ProperNames.hasNameMissingFrom("Last week, North Korea tested the Hwasong-19.",
                "What is the name of the new ICBM that North Korea tested?"));
    }

    @Test
    void givenQuestionsAboutAnEarlierState_whenChecked_thenOnlySentencesSpeakingOfEarlierTimesQualify() {
        assertTrue(PriorState.asked("Who was South Korea's president before Yoon Seok-yeol?"));
        assertTrue(PriorState.asked("What job did he hold before becoming commissioner?"));
        assertTrue(PriorState.asked("Who was his predecessor?"));
        assertTrue(PriorState.asked("Before Yoon, who led South Korea?"));
        assertFalse(PriorState.asked("What happened before the summit?"), "a time, not a former state");
        assertFalse(PriorState.asked("What did Borrell say before heading to Seoul?"), "'he' is not 'heading'");
        assertFalse(PriorState.asked("How many shells has North Korea sent?"));

        assertTrue(PriorState.spokenOfIn("reducing his previous near-total dependence on Beijing"));
        assertTrue(PriorState.spokenOfIn("Before the war, Kim relied on Beijing."));
        assertFalse(PriorState.spokenOfIn("It should be of high priority for Andrius Kubilius."), "not 'prior'");
        assertFalse(PriorState.spokenOfIn("President Yoon has sought to elevate his country’s profile."));
    }
}
