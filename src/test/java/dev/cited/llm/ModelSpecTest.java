package dev.cited.llm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSpecTest {

    @Test
    void givenNothingOrExtractive_whenParsed_thenTheOfflineAnswererIsChosen() {
        for (String value : new String[]{null, "", "  ", "extractive", "EXTRACTIVE", " extractive "}) {
            ModelSpec spec = ModelSpec.parse(value);
            assertTrue(spec.isExtractive(), "for " + value);
            assertEquals("extractive", spec.label());
        }
    }

    @Test
    void givenProviderAndModel_whenParsed_thenBothAreKeptAndTheLabelIsCanonical() {
        ModelSpec spec = ModelSpec.parse(" OpenAI:gpt-4o-mini ");
        assertEquals("openai", spec.provider());
        assertEquals("gpt-4o-mini", spec.modelName());
        assertFalse(spec.isExtractive());
        assertEquals("openai:gpt-4o-mini", spec.label());
    }

    @Test
    void givenAModelNameWithColons_whenParsed_thenOnlyTheFirstColonSeparatesTheProvider() {
        ModelSpec spec = ModelSpec.parse("ollama:llama3.1:8b");
        assertEquals("ollama", spec.provider());
        assertEquals("llama3.1:8b", spec.modelName());
    }

    @Test
    void givenEachSupportedProvider_whenParsed_thenItIsAccepted() {
        for (String provider : new String[]{"openai", "ollama", "anthropic", "gemini"}) {
            assertEquals(provider, ModelSpec.parse(provider + ":m").provider());
        }
    }

    @Test
    void givenAnUnknownProviderOrNoModelName_whenParsed_thenTheMessageListsWhatWorks() {
        for (String value : new String[]{"gpt-4o", "mistral:large", "openai", "openai:", "openai:  ", ":gpt-4o"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse(value),
                    "for " + value);
            assertTrue(e.getMessage().contains("openai:<model>") && e.getMessage().contains("extractive"),
                    e.getMessage());
        }
    }
}
