package dev.cited.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official OpenAI Java SDK against the real server's /v1: answers, streams, citations, models and errors. */
class OpenAiSdkTest {
    static final String QUESTION = "How many artillery shells has North Korea sent to Russia?";

    private static CitedServer server;
    private static OpenAIClient client;
    private static V1Client http;

    @BeforeAll
    static void start() {
        server = CitedServer.start(CitedConfig.builder().port(0).build());
        http = new V1Client(server.port(), null);
        client = OpenAIOkHttpClient.builder().baseUrl(http.baseUrl()).apiKey("not-needed-locally").maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static ChatCompletionCreateParams.Builder ask(String question) {
        return ChatCompletionCreateParams.builder().model(ModelCatalog.MODEL_ID).addUserMessage(question);
    }

    private static JsonNode extra(Map<String, JsonValue> properties, String name) {
        JsonValue value = properties.get(name);
        assertTrue(value != null, name + " missing from " + properties.keySet());
        return value.convert(JsonNode.class);
    }

    @Test
    void givenAQuestionTheDocumentsAnswer_whenCompleted_thenTheContentCitesAndListsItsSourcesAndTheQuotesAreExact() {
        ChatCompletion completion = client.chat().completions().create(ask(QUESTION).build());
        assertEquals(ModelCatalog.MODEL_ID, completion.model());
        assertEquals(1, completion.choices().size());
        ChatCompletion.Choice choice = completion.choices().get(0);
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, choice.finishReason());
        ChatCompletionMessage message = choice.message();
        String content = message.content().orElseThrow();
        assertTrue(content.contains("6m artillery shells"), content);
        assertTrue(content.contains("[1]"), content);

        JsonNode citations = extra(message._additionalProperties(), "citations");
        assertTrue(citations.size() >= 1, citations.toString());
        http.assertQuotesExact(citations);
        assertTrue(extra(message._additionalProperties(), "grounded").asBoolean());
        // the sources list: one line per citation, with its title and quote
        String sources = content.substring(content.indexOf("\n\nSources:\n") + "\n\nSources:\n".length());
        assertEquals(citations.size(), sources.lines().count(), content);
        for (JsonNode c : citations) {
            assertTrue(sources.contains("[" + c.path("marker").asInt() + "] " + c.path("document_title").asText()),
                    sources);
            assertTrue(content.substring(0, content.indexOf("\n\nSources:")).contains("[" + c.path("marker").asInt() + "]"),
                    "every citation is referenced in the answer: " + content);
        }
        assertTrue(completion.usage().orElseThrow().promptTokens() > 0);
        assertTrue(completion.usage().orElseThrow().completionTokens() > 0);
    }

    @Test
    void givenTheSameQuestion_whenStreamed_thenTheDeltasJoinToTheCompletionAndTheLastChunkCarriesTheCitations() {
        ChatCompletion whole = client.chat().completions().create(ask(QUESTION).build());
        ChatCompletionMessage message = whole.choices().get(0).message();

        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ask(QUESTION)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunks::add);
        }
        assertTrue(chunks.size() >= 4, "role, text pieces, the last chunk and usage: " + chunks.size());
        assertEquals(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT,
                chunks.get(0).choices().get(0).delta().role().orElseThrow());
        StringBuilder text = new StringBuilder();
        ChatCompletionChunk finished = null;
        int textChunks = 0;
        for (ChatCompletionChunk chunk : chunks) {
            assertEquals(ModelCatalog.MODEL_ID, chunk.model());
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                String piece = choice.delta().content().orElse("");
                if (!piece.isEmpty()) {
                    textChunks++;
                }
                text.append(piece);
                if (choice.finishReason().isPresent()) {
                    assertEquals(ChatCompletionChunk.Choice.FinishReason.STOP, choice.finishReason().get());
                    finished = chunk;
                }
            }
        }
        assertEquals(message.content().orElseThrow(), text.toString());
        assertTrue(textChunks > 1, "the text comes in several pieces");
        assertTrue(finished != null, "a chunk says finish_reason stop");
        JsonNode citations = extra(finished.choices().get(0).delta()._additionalProperties(), "citations");
        assertEquals(extra(message._additionalProperties(), "citations"), citations);
        http.assertQuotesExact(citations);
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertTrue(last.choices().isEmpty(), "the usage chunk has no choices");
        assertEquals(whole.usage().orElseThrow().totalTokens(), last.usage().orElseThrow().totalTokens());
    }

    @Test
    void givenAFollowUpWithTheEarlierTurnSentBack_whenCompleted_thenItIsAnsweredFromTheConversation() {
        ChatCompletion first = client.chat().completions().create(ask("Who is Jens Stoltenberg?").build());
        String earlier = first.choices().get(0).message().content().orElseThrow();
        ChatCompletion followUp = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(ModelCatalog.MODEL_ID)
                .addSystemMessage("You are a helpful assistant.") // accepted, and ignored
                .addUserMessage("Who is Jens Stoltenberg?")
                .addAssistantMessage(earlier)
                .addUserMessage("What did he say about North Korea?")
                .build());
        ChatCompletionMessage message = followUp.choices().get(0).message();
        assertTrue(extra(message._additionalProperties(), "grounded").asBoolean(), message.toString());
        JsonNode citations = extra(message._additionalProperties(), "citations");
        http.assertQuotesExact(citations);
        assertTrue(message.content().orElseThrow().contains("North Korea"), message.toString());
    }

    @Test
    void givenAQuestionTheDocumentsDoNotAnswer_whenCompleted_thenItIsAnOrdinaryCompletionSayingSo() {
        ChatCompletion completion = client.chat().completions().create(ask("What is the capital of Brazil?").build());
        ChatCompletion.Choice choice = completion.choices().get(0);
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, choice.finishReason());
        String content = choice.message().content().orElseThrow();
        assertTrue(content.startsWith("The documents don't say."), content);
        assertFalse(content.contains("Sources:"), content);
        assertEquals(0, extra(choice.message()._additionalProperties(), "citations").size());
        assertFalse(extra(choice.message()._additionalProperties(), "grounded").asBoolean());
    }

    @Test
    void modelsListTheOneModelAndAnUnknownOneIsNotFound() {
        List<Model> models = client.models().list().data();
        assertEquals(1, models.size());
        assertEquals(ModelCatalog.MODEL_ID, models.get(0).id());
        assertEquals(ModelCatalog.OWNED_BY, models.get(0).ownedBy());
        assertEquals("extractive", models.get(0)._additionalProperties().get("answerer").convert(String.class));
        assertEquals(ModelCatalog.MODEL_ID, client.models().retrieve(ModelCatalog.MODEL_ID).id());
        NotFoundException missing = assertThrows(NotFoundException.class, () -> client.models().retrieve("gpt-4o"));
        assertTrue(missing.getMessage().contains("gpt-4o"), missing.getMessage());
        NotFoundException unknownModel = assertThrows(NotFoundException.class, () -> client.chat().completions()
                .create(ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage(QUESTION).build()));
        assertEquals("model_not_found", unknownModel.code().orElseThrow());
    }

    @Test
    void badInputReachesTheSdkAsABadRequestNamingTheField() {
        BadRequestException e = assertThrows(BadRequestException.class, () -> client.chat().completions()
                .create(ask(QUESTION).n(2).build()));
        assertEquals("n", e.param().orElseThrow());
        assertEquals("invalid_request_error", e.type().orElseThrow());
        assertTrue(e.getMessage().contains("'n' must be 1"), e.getMessage());
    }
}
