package dev.cited.answer;

import dev.cited.chunking.Passage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers with a LangChain4j chat model: the prompt numbers the retrieved passages [1]..[k], and the draft
 * the model writes is grounded sentence by sentence ({@link DraftGrounder}): what a passage sent supports is
 * cited to the sentence(s) that support it, what nothing sent supports is reported as unsupported.
 *
 * <p>With a token listener (the streaming endpoint) the streaming model is used and its chunks reach the
 * listener as they arrive; otherwise the blocking model answers in one response. Either way the call ends
 * within the timeout, and a failure, refusal or timeout leaves as a {@link ModelException}.
 */
public final class ChatModelAnswerer implements Answerer {
    static final String NOT_FOUND = "NOT_IN_DOCUMENTS";
    /** How long past the deadline to wait for the bounded streaming model to report it, before giving up anyway. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final String name;
    private final ChatModel chatModel;
    private final StreamingChatModel streamingModel;
    private final PromptTemplate prompt;
    private final DraftGrounder grounder;
    private final Duration timeout;

    /**
     * @param streamingModel used for streaming when not null, so tokens reach the listener as the model writes them
     * @param timeout        no model call lasts longer
     */
    public ChatModelAnswerer(String name, ChatModel chatModel, StreamingChatModel streamingModel,
                             PromptTemplate prompt, DraftGrounder grounder, Duration timeout) {
        this.name = name;
        this.timeout = timeout;
        this.chatModel = BoundedChatModel.of(Objects.requireNonNull(chatModel, "chatModel"), timeout);
        this.streamingModel = BoundedStreamingChatModel.of(streamingModel, timeout);
        this.prompt = prompt;
        this.grounder = grounder;
    }

    @Override
    public Answer answer(AnswerContext context, TokenListener listener) {
        return answer(context, listener, StageListener.NONE);
    }

    /** Reports the model's call as {@link Stage#MODEL} and the grounding of its draft as {@link Stage#VERIFICATION}. */
    @Override
    public Answer answer(AnswerContext context, TokenListener listener, StageListener stages) {
        if (context.passages().isEmpty()) {
            Answer abstention = Answer.abstain();
            listener.onToken(abstention.text());
            return abstention;
        }
        String draft = stages.time(Stage.MODEL, () -> generate(render(context), listener)).strip();
        if (draft.contains(NOT_FOUND)) {
            return Answer.abstain();
        }
        return stages.time(Stage.VERIFICATION,
                () -> grounder.ground(draft, context.passages().stream().map(p -> p.passage()).toList()));
    }

    String render(AnswerContext context) {
        StringBuilder passages = new StringBuilder();
        for (int i = 0; i < context.passages().size(); i++) {
            Passage p = context.passages().get(i).passage();
            passages.append('[').append(i + 1).append("] (").append(p.documentTitle()).append(")\n")
                    .append(p.text()).append("\n\n");
        }
        return prompt.render(Map.of(
                "passages", passages.toString().strip(),
                "history", HistoryFormat.of(context.history()),
                "question", context.question()));
    }

    private String generate(String text, TokenListener listener) {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from(text)).build();
        boolean streaming = listener != TokenListener.NONE && streamingModel != null;
        ChatResponse response;
        try {
            response = streaming ? stream(request, listener) : chatModel.chat(request);
        } catch (RuntimeException e) {
            throw ModelFailures.translate(e);
        }
        String answer = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        if (response != null && response.finishReason() == FinishReason.CONTENT_FILTER) {
            throw new ModelException("The model refused to answer (content filter)", false, null);
        }
        if (answer == null || answer.isBlank()) {
            throw new ModelException("The model returned an empty answer", false, null);
        }
        if (!streaming && listener != TokenListener.NONE) {
            listener.onToken(answer); // no streaming model: the whole answer is one token
        }
        return answer;
    }

    private ChatResponse stream(ChatRequest request, TokenListener listener) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streamingModel.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                if (!done.isDone() && partial != null && !partial.isEmpty()) {
                    listener.onToken(partial);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            // The bounded model reports its own deadline; this wait only guards against a handler never called.
            return done.get(QuestionDeadline.bound(timeout).plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(false);
            throw new ModelException("The model did not answer within " + timeout.toSeconds() + " s", true, e);
        } catch (InterruptedException e) {
            done.cancel(false);
            Thread.currentThread().interrupt();
            throw new ModelException("Interrupted while waiting for the model", false, e);
        } catch (ExecutionException e) {
            throw ModelFailures.translate(e.getCause());
        }
    }

    @Override
    public Duration modelBudget() {
        return timeout;
    }

    @Override
    public String name() {
        return name;
    }
}
