package dev.cited.llm;

import dev.cited.answer.BoundedChatModel;
import dev.cited.answer.BoundedStreamingChatModel;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import java.time.Duration;
import java.util.Map;

/**
 * Builds LangChain4j chat models for a {@link ModelSpec}, reading keys and URLs from the environment.
 * The only place that knows the providers. Both models come bounded by the timeout
 * ({@link BoundedChatModel}, {@link BoundedStreamingChatModel}): no call outlives it, whatever the server
 * does, and the blocking model never retries (a retry would multiply the wait).
 */
public record ChatModels(ChatModel chat, StreamingChatModel streaming) {
    static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";
    private static final double TEMPERATURE = 0.0;

    public static ChatModels create(ModelSpec spec, Map<String, String> env, Duration timeout) {
        if (spec.isExtractive()) {
            throw new IllegalArgumentException("The extractive answerer needs no chat model");
        }
        BoundedChatModel.requirePositive(timeout);
        ChatModels raw = unbounded(spec, env, timeout);
        return new ChatModels(BoundedChatModel.of(raw.chat(), timeout), BoundedStreamingChatModel.of(raw.streaming(), timeout));
    }

    private static ChatModels unbounded(ModelSpec spec, Map<String, String> env, Duration timeout) {
        String name = spec.modelName();
        return switch (spec.provider()) {
            case "openai" -> {
                String key = env.getOrDefault("OPENAI_API_KEY", "").strip();
                String baseUrl = env.get("OPENAI_BASE_URL");
                if (key.isBlank() && (baseUrl == null || baseUrl.isBlank())) {
                    throw new IllegalArgumentException("Model " + spec.label() + " needs OPENAI_API_KEY to be set "
                            + "(or OPENAI_BASE_URL for a local OpenAI-compatible server such as vLLM, llama.cpp, "
                            + "LM Studio or Ollama's /v1)");
                }
                String apiKey = key.isBlank() ? "not-needed" : key; // local servers ignore it
                yield new ChatModels(
                        OpenAiChatModel.builder().baseUrl(blankToNull(baseUrl)).apiKey(apiKey).modelName(name)
                                .temperature(TEMPERATURE).timeout(timeout).maxRetries(0).build(),
                        OpenAiStreamingChatModel.builder().baseUrl(blankToNull(baseUrl)).apiKey(apiKey).modelName(name)
                                .temperature(TEMPERATURE).timeout(timeout).build());
            }
            case "ollama" -> {
                String baseUrl = env.get("OLLAMA_BASE_URL");
                baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_OLLAMA_URL : baseUrl.strip();
                yield new ChatModels(
                        OllamaChatModel.builder().baseUrl(baseUrl).modelName(name).temperature(TEMPERATURE)
                                .timeout(timeout).maxRetries(0).build(),
                        OllamaStreamingChatModel.builder().baseUrl(baseUrl).modelName(name).temperature(TEMPERATURE)
                                .timeout(timeout).build());
            }
            case "anthropic" -> {
                String key = required(env, "ANTHROPIC_API_KEY", spec);
                yield new ChatModels(
                        AnthropicChatModel.builder().apiKey(key).modelName(name).temperature(TEMPERATURE)
                                .timeout(timeout).maxRetries(0).build(),
                        AnthropicStreamingChatModel.builder().apiKey(key).modelName(name).temperature(TEMPERATURE)
                                .timeout(timeout).build());
            }
            case "gemini" -> {
                String key = required(env, "GEMINI_API_KEY", spec);
                yield new ChatModels(
                        GoogleAiGeminiChatModel.builder().apiKey(key).modelName(name).temperature(TEMPERATURE)
                                .timeout(timeout).maxRetries(0).build(),
                        GoogleAiGeminiStreamingChatModel.builder().apiKey(key).modelName(name).temperature(TEMPERATURE)
                                .timeout(timeout).build());
            }
            default -> throw new IllegalArgumentException("No chat model for " + spec.label());
        };
    }

    private static String required(Map<String, String> env, String key, ModelSpec spec) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Model " + spec.label() + " needs " + key + " to be set");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
