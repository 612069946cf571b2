package dev.cited.openai;

import dev.cited.answer.Answer;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's {@code chat.completion} and {@code chat.completion.chunk} objects for one answer. The message's
 * {@code content} is the verified answer with its {@code [n]} markers and, after a blank line, its sources list;
 * the extra fields {@code citations} ({@link CharLocation}s), {@code grounded} and {@code unsupported} carry the
 * same in structure (on the message, or on the last chunk's delta).
 */
final class Completions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final long created;

    private Completions(String id, long created) {
        this.id = id;
        this.created = created;
    }

    static Completions start() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new Completions("chatcmpl-" + HexFormat.of().formatHex(bytes), Instant.now().getEpochSecond());
    }

    /** What a client shows: the answer, then its sources. */
    static String content(Answer answer) {
        return SourcesList.append(answer.text(), answer.citations());
    }

    /** The whole answer, as one {@code chat.completion}. */
    Map<String, Object> completion(Answer answer, UsageEstimate usage) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", content(answer));
        message.put("refusal", null);
        message.putAll(structure(answer));
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", "stop");
        Map<String, Object> body = head("chat.completion");
        body.put("choices", List.of(choice));
        body.put("usage", usage);
        return body;
    }

    /** The first chunk: the role, no text yet. */
    Map<String, Object> roleChunk() {
        Map<String, Object> delta = new LinkedHashMap<>();
        delta.put("role", "assistant");
        delta.put("content", "");
        return chunk(delta, null);
    }

    Map<String, Object> textChunk(String text) {
        return chunk(Map.of("content", text), null);
    }

    /** The last chunk of the choice: finish_reason, and the citations in structure. */
    Map<String, Object> finalChunk(Answer answer) {
        return chunk(structure(answer), "stop");
    }

    /** After the last chunk, with stream_options.include_usage: no choices, the usage. */
    Map<String, Object> usageChunk(UsageEstimate usage) {
        Map<String, Object> body = head("chat.completion.chunk");
        body.put("choices", List.of());
        body.put("usage", usage);
        return body;
    }

    private Map<String, Object> chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        Map<String, Object> body = head("chat.completion.chunk");
        body.put("choices", List.of(choice));
        return body;
    }

    private Map<String, Object> head(String object) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("object", object);
        body.put("created", created);
        body.put("model", ModelCatalog.MODEL_ID);
        return body;
    }

    private static Map<String, Object> structure(Answer answer) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("citations", answer.citations().stream().map(CharLocation::of).toList());
        extra.put("grounded", answer.grounded());
        extra.put("unsupported", answer.unsupported().stream()
                .map(u -> Map.of("text", u.text(), "reason", u.reason())).toList());
        return extra;
    }
}
