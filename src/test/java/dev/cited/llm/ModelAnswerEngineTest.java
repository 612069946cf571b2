package dev.cited.llm;

import dev.cited.answer.Answer;
import dev.cited.answer.ModelException;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedEngine;
import dev.cited.chunking.Passage;
import dev.cited.citation.CitationAssembler;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.AskResult;
import dev.cited.testing.OpenAiStandIn;
import dev.cited.testing.OpenAiStandIn.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.cited.llm.Grounding.assertContract;
import static dev.cited.llm.Grounding.assertPromptNumbers;
import static dev.cited.llm.Grounding.assertWithin;
import static dev.cited.llm.Grounding.citation;
import static dev.cited.llm.Grounding.longestSentence;
import static dev.cited.llm.Grounding.retrieved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine with {@code --model openai:stand-in}, over the real index of ./seeds, talking to a local
 * OpenAI-compatible stand-in through LangChain4j's own OpenAI client.
 */
class ModelAnswerEngineTest {
    static final String QUESTION = "How many artillery shells has North Korea sent to Russia?";
    private static OpenAiStandIn standIn;
    private static CitedEngine engine;

    @BeforeAll
    static void start() {
        standIn = OpenAiStandIn.start();
        engine = CitedEngine.create(CitedConfig.builder().port(0).model("openai:stand-in")
                .modelTimeout(Duration.ofSeconds(2)).build(), standIn.env());
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        standIn.close();
    }

    @BeforeEach
    void reset() {
        standIn.reset();
    }

    private static AskResult ask(String question) {
        return engine.conversations().ask(AskRequest.of(question));
    }

    @Test
    void givenAQuestion_whenAsked_thenOnePlainRequestCarriesTheRetrievedPassagesNumberedAndTheQuestion() {
        AskResult result = ask(QUESTION);

        assertEquals(1, standIn.requests().size());
        OpenAiStandIn.Request request = standIn.requests().get(0);
        assertFalse(request.stream(), "a non-streaming question uses the blocking model");
        assertEquals("stand-in", request.model());
        assertEquals("Bearer test", request.authorization());
        assertPromptNumbers(request.prompt(), retrieved(engine, QUESTION));
        assertTrue(request.prompt().contains("Question: " + QUESTION), request.prompt());
        assertTrue(request.prompt().contains("NOT_IN_DOCUMENTS"), "the prompt says how to decline");
        assertTrue(request.prompt().contains("Conversation so far:\n(none)"), "a first question has no history");
        assertEquals("openai:stand-in", result.model());
        assertEquals(QUESTION, result.searchQuery());
    }

    @Test
    void givenTheModelCitesPassagesTwoThenOne_whenAsked_thenMarkersAreRenumberedAndQuotesLieInThosePassages() {
        List<Passage> sent = retrieved(engine, QUESTION);
        int[] pair = distinctPair(sent);
        String first = longestSentence(sent.get(pair[0]));
        String second = longestSentence(sent.get(pair[1]));
        standIn.reply(first + " [" + (pair[0] + 1) + "] " + second + " [" + (pair[1] + 1) + "]");

        AskResult result = ask(QUESTION);

        assertTrue(result.grounded());
        assertContract(result, engine);
        assertEquals(CitationAssembler.attach(first, 1) + " " + CitationAssembler.attach(second, 2), result.answer(),
                "renumbered in order of use");
        assertWithin(citation(result, 1), sent.get(pair[0]));
        assertWithin(citation(result, 2), sent.get(pair[1]));
        assertEquals(first, citation(result, 1).quote().strip(), "the sentence the claim came from");
        assertEquals(second, citation(result, 2).quote().strip(), "the sentence the claim came from");
    }

    @Test
    void givenTheModelAddsAnInventedMarker_whenAsked_thenItIsRemovedAndNeverReturned() {
        List<Passage> sent = retrieved(engine, QUESTION);
        String claim = longestSentence(sent.get(1));
        standIn.reply(claim + " [2][9] Russia also got missiles [9]. More came later [2, 9].");

        AskResult result = ask(QUESTION);

        assertTrue(result.grounded());
        assertContract(result, engine);
        assertFalse(result.answer().contains("[9]"), result.answer());
        assertEquals(CitationAssembler.attach(claim, 1), result.answer(), "statements nothing supports are not shown");
        assertEquals(List.of("Russia also got missiles.", "More came later."),
                result.unsupported().stream().map(u -> u.text()).toList(), "but listed, with a reason each");
        result.unsupported().forEach(u -> assertFalse(u.reason().isBlank()));
        result.citations().forEach(c -> assertWithin(c, sent.get(1)));
    }

    @Test
    void givenTheModelWritesWordyMarkers_whenAsked_thenTheyCountAsPlainMarkers() {
        List<Passage> sent = retrieved(engine, QUESTION);
        String claim = longestSentence(sent.get(2));
        standIn.reply(claim + " [Passage 3] Also [Source 9].");

        AskResult result = ask(QUESTION);

        assertEquals(CitationAssembler.attach(claim, 1) + " Also.", result.answer(), "a word that states nothing stays");
        assertWithin(citation(result, 1), sent.get(2));
        assertContract(result, engine);
    }

    @Test
    void givenATrueStatementCitingAPassageNeverSent_whenAsked_thenItIsCitedToThePassageThatSupportsIt() {
        standIn.reply("Since the war began, Kim Jong Un has dispatched an estimated 6m artillery shells [9].");

        AskResult result = ask(QUESTION);

        assertTrue(result.grounded());
        assertEquals("Since the war began, Kim Jong Un has dispatched an estimated 6m artillery shells [1].", result.answer());
        assertTrue(citation(result, 1).quote().contains("6m artillery shells"));
        assertContract(result, engine);
    }

    @Test
    void givenOnlyStatementsNothingSentSupports_whenAsked_thenTheAnswerAbstainsAndListsThem() {
        standIn.reply("Russia sent 40 fighter jets to Pyongyang [9]. Kim also sent submarines to Moscow [7][0].");

        AskResult result = ask(QUESTION);

        assertFalse(result.grounded());
        assertTrue(result.citations().isEmpty());
        assertTrue(result.answer().startsWith(Answer.ABSTENTION_START), result.answer());
        assertEquals(2, result.unsupported().size(), result.unsupported().toString());
        assertContract(result, engine);
    }

    @Test
    void givenTheModelSaysNotInDocuments_whenAsked_thenThePlainDocumentsDontSayAnswerComesBack() {
        standIn.reply("NOT_IN_DOCUMENTS");

        AskResult result = ask("What is the capital of Brazil?");

        assertFalse(result.grounded());
        assertTrue(result.citations().isEmpty());
        assertEquals(Answer.ABSTENTION, result.answer());
        assertTrue(result.answer().startsWith("The documents don't say"));
    }

    @Test
    void givenAFollowUp_whenAsked_thenTheRewriteRequestCarriesTheHistoryAndItsReplyIsTheSearchQuery() {
        String rewritten = "Kyrylo Budanov Russia most significant military partner";
        String followUp = "Which country did he name as Russia's most important partner?";
        standIn.respond(request -> request.prompt().contains("Standalone query:")
                ? Reply.text("Standalone query: \"" + rewritten + "\"\n")
                : Reply.text("Budanov named North Korea [1]."));
        AskResult first = ask("Who is Kyrylo Budanov?");
        AskResult second = engine.conversations().ask(new AskRequest(followUp, first.conversationId()));

        List<OpenAiStandIn.Request> requests = standIn.requests();
        assertEquals(3, requests.size(), "answer, rewrite, answer");
        String rewritePrompt = requests.get(1).prompt();
        assertEquals("Budanov named North Korea [1].", first.answer());
        assertTrue(rewritePrompt.contains("User: Who is Kyrylo Budanov?\nAssistant: Budanov named North Korea."),
                "history without the old answer's markers: " + rewritePrompt);
        assertTrue(rewritePrompt.contains("Last question: " + followUp), rewritePrompt);
        assertEquals(rewritten, second.searchQuery());
        assertEquals(2, second.turn());

        String answerPrompt = requests.get(2).prompt();
        assertTrue(answerPrompt.contains("Conversation so far:\nUser: Who is Kyrylo Budanov?\n"
                + "Assistant: Budanov named North Korea.\n"), answerPrompt);
        assertTrue(answerPrompt.contains("Question: " + followUp), answerPrompt);
        assertPromptNumbers(answerPrompt, retrieved(engine, rewritten));
        assertContract(second, engine);
    }

    @Test
    void givenAStreamingListener_whenAsked_thenTheModelsChunksArriveInOrderThroughTheStreamingClient() {
        Passage top = retrieved(engine, QUESTION).get(0);
        String claim = longestSentence(top);
        standIn.enqueue(Reply.chunks(claim.substring(0, 10), claim.substring(10), " [1]", " Pyongyang built a moon base [8]."));
        List<String> tokens = new CopyOnWriteArrayList<>();

        AskResult result = engine.conversations().ask(AskRequest.of(QUESTION), tokens::add);

        assertTrue(standIn.requests().get(0).stream());
        assertEquals(List.of(claim.substring(0, 10), claim.substring(10), " [1]", " Pyongyang built a moon base [8]."),
                tokens, "the draft streams as the model writes it");
        assertEquals(CitationAssembler.attach(claim, 1), result.answer(), "the result is the verified answer");
        assertEquals("Pyongyang built a moon base.", result.unsupported().get(0).text());
        assertContract(result, engine);
        assertWithin(citation(result, 1), top);
    }

    @Test
    void givenTheServerFailsWith500_whenAsked_thenAModelErrorAfterExactlyOneRequest() {
        standIn.enqueue(Reply.serverError(), Reply.serverError(), Reply.serverError());

        ModelException e = assertThrows(ModelException.class, () -> ask(QUESTION));

        assertFalse(e.isTimeout());
        assertTrue(e.getMessage().contains("500"), e.getMessage());
        assertEquals(1, standIn.requests().size(), "the blocking model must not retry");
    }

    @Test
    void givenAWrongKey_whenAsked_thenAModelErrorNamingTheStatus() {
        standIn.enqueue(Reply.unauthorized());

        ModelException e = assertThrows(ModelException.class, () -> ask(QUESTION));

        assertFalse(e.isTimeout());
        assertTrue(e.getMessage().contains("401") && e.getMessage().contains("Incorrect API key"), e.getMessage());
        assertEquals(1, standIn.requests().size());
    }

    @Test
    void givenTheModelRefuses_whenAsked_thenAModelErrorNotAnAnswer() {
        standIn.enqueue(Reply.refusal("I can't help with that."));

        ModelException e = assertThrows(ModelException.class, () -> ask(QUESTION));

        assertFalse(e.isTimeout());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void givenTheModelRefusesWhileStreaming_whenAskedWithAListener_thenAModelErrorNotAnAnswer() {
        standIn.enqueue(Reply.refusal("I can't help with that."));

        ModelException e = assertThrows(ModelException.class,
                () -> engine.conversations().ask(AskRequest.of(QUESTION), text -> { }));

        assertFalse(e.isTimeout());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertTrue(standIn.requests().get(0).stream());
    }

    @Test
    void givenAnEmptyReply_whenAsked_thenAModelErrorRatherThanASilentAbstention() {
        standIn.reply("   ");

        ModelException e = assertThrows(ModelException.class, () -> ask(QUESTION));

        assertFalse(e.isTimeout());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void givenAServerThatStallsAfterItsHeaders_whenAsked_thenATimeoutWellBeforeTheServerWouldAnswer() {
        standIn.enqueue(Reply.stallAfterHeaders(Duration.ofSeconds(20)));

        ModelException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> assertThrows(ModelException.class, () -> ask(QUESTION)));

        assertTrue(e.isTimeout(), e.getMessage());
        assertEquals(1, standIn.requests().size());
    }

    @Test
    void givenAStreamThatStallsAfterItsHeaders_whenAskedWithAListener_thenATimeoutInsteadOfAHang() {
        standIn.enqueue(Reply.stallAfterHeaders(Duration.ofSeconds(20)));

        ModelException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> assertThrows(ModelException.class,
                        () -> engine.conversations().ask(AskRequest.of(QUESTION), text -> { })));

        assertTrue(e.isTimeout(), e.getMessage());
    }

    /** Two passage positions whose longest sentences differ, so they yield two citations. */
    private static int[] distinctPair(List<Passage> sent) {
        for (int j = 1; j < sent.size(); j++) {
            if (!longestSentence(sent.get(j)).equals(longestSentence(sent.get(0)))) {
                assertNotEquals(0, j);
                return new int[]{j, 0}; // the later passage cited first, to see the renumbering
            }
        }
        throw new AssertionError("every retrieved passage has the same longest sentence");
    }
}
