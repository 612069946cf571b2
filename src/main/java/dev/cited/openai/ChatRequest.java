package dev.cited.openai;

import dev.cited.pipeline.Question;

/**
 * A valid {@code POST /v1/chat/completions} request, as far as Cited uses it.
 *
 * @param question     the last user message, with the earlier user/assistant turns as its history
 * @param stream       answer as server-sent {@code chat.completion.chunk}s
 * @param includeUsage {@code stream_options.include_usage}: a last chunk with the usage
 * @param promptText   every message's text, for the usage estimate
 */
record ChatRequest(Question question, boolean stream, boolean includeUsage, String promptText) {
}
