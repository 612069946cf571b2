package dev.cited.llm;

import dev.cited.answer.BoundedChatModel;
import dev.cited.answer.BoundedStreamingChatModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatModelsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Test
    void givenOpenAiWithoutKeyOrBaseUrl_whenCreated_thenTheMessageNamesBothVariables() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChatModels.create(ModelSpec.parse("openai:gpt-4o-mini"), Map.of("OPENAI_API_KEY", " "), TIMEOUT));
        assertTrue(e.getMessage().contains("OPENAI_API_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("OPENAI_BASE_URL"), e.getMessage());
        assertTrue(e.getMessage().contains("openai:gpt-4o-mini"), e.getMessage());
    }

    @Test
    void givenAnthropicOrGeminiWithoutKey_whenCreated_thenTheMessageNamesTheMissingVariable() {
        IllegalArgumentException anthropic = assertThrows(IllegalArgumentException.class,
                () -> ChatModels.create(ModelSpec.parse("anthropic:claude-3-5-haiku-latest"), Map.of(), TIMEOUT));
        assertTrue(anthropic.getMessage().contains("ANTHROPIC_API_KEY"), anthropic.getMessage());
        IllegalArgumentException gemini = assertThrows(IllegalArgumentException.class,
                () -> ChatModels.create(ModelSpec.parse("gemini:gemini-2.0-flash"), Map.of("GEMINI_API_KEY", ""), TIMEOUT));
        assertTrue(gemini.getMessage().contains("GEMINI_API_KEY"), gemini.getMessage());
    }

    @Test
    void givenTheExtractiveSpecOrNoTimeout_whenCreated_thenItIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ChatModels.create(ModelSpec.parse("extractive"), Map.of(), TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> ChatModels.create(ModelSpec.parse("ollama:llama3.2"), Map.of(), Duration.ZERO));
    }

    @Test
    void givenALocalServerWithoutKey_whenCreated_thenBothModelsAreBuiltAndBoundedByTheTimeout() {
        ChatModels models = ChatModels.create(ModelSpec.parse("openai:local"),
                Map.of("OPENAI_BASE_URL", "http://127.0.0.1:1/v1"), TIMEOUT);
        assertEquals(TIMEOUT, assertInstanceOf(BoundedChatModel.class, models.chat()).timeout());
        assertEquals(TIMEOUT, assertInstanceOf(BoundedStreamingChatModel.class, models.streaming()).timeout());
    }

    @Test
    void givenEachProviderWithItsKeys_whenCreated_thenModelsAreBuiltWithoutNetwork() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "k", "ANTHROPIC_API_KEY", "k", "GEMINI_API_KEY", "k");
        for (String value : new String[]{"openai:gpt-4o-mini", "ollama:llama3.2", "anthropic:claude-3-5-haiku-latest",
                "gemini:gemini-2.0-flash"}) {
            ChatModels models = ChatModels.create(ModelSpec.parse(value), env, TIMEOUT);
            assertNotNull(models.chat(), value);
            assertNotNull(models.streaming(), value);
        }
    }
}
