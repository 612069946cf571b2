package dev.cited.answer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFailuresTest {
    private static final String CLASS_NAME = ".*\\b[a-z]+\\.[a-z]+\\.[\\w.]*[A-Z]\\w*.*";

    record Reply(List<String> choices) {
    }

    @Test
    void givenAReplyJacksonCannotRead_whenTranslated_thenThePersonReadsPlainWordsNotAClassName() {
        Exception parse = assertThrows(Exception.class, () -> new ObjectMapper().readValue("{\"choices\": 5}", Reply.class));
        ModelException failure = ModelFailures.translate(new RuntimeException(parse));
        assertFalse(failure.getMessage().matches(CLASS_NAME), failure.getMessage());
        assertTrue(failure.getMessage().contains("could not read"), failure.getMessage());
        assertFalse(failure.isTimeout());
    }

    @Test
    void givenAnErrorMessageNamingAClass_whenTranslated_thenTheNameIsLeftOut() {
        ModelException failure = ModelFailures.translate(new IllegalStateException(
                "java.lang.IllegalStateException: dev.langchain4j.model.openai.internal.OpenAiClient failed: quota exceeded"));
        assertFalse(failure.getMessage().matches(CLASS_NAME), failure.getMessage());
        assertTrue(failure.getMessage().contains("quota exceeded"), failure.getMessage());
    }
}
