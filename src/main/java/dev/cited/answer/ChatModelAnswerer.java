package dev.cited.answer;

import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;
import dev.cited.citation.CitationAssembler;
import dev.cited.citation.CitedText;
import dev.cited.citation.Quote;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers with a LangChain4j chat model: the prompt numbers the retrieved passages [1]..[k]; each marker
 * the model writes is mapped back to the sentence of that passage that best supports its claim. Markers
 * naming no passage sent are dropped; an answer left without any citation is treated as not grounded.
 */
public final class ChatModelAnswerer implements Answerer {
    static final String NOT_FOUND = "NOT_IN_DOCUMENTS";
    /** Blocking model calls wait here, not in the common pool (one thread on a 2-core machine). */
    private static final java.util.concurrent.ExecutorService CALLS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cited-model-call");
        t.setDaemon(true);
        return t;
    });

    private final String name;
    private final ChatModel chatModel;
    private final StreamingChatModel streamingModel;
    private final PromptTemplate prompt;
    private final SentenceSupport support;
    private final Duration timeout;

    /**
     * @param streamingModel used when not null, so tokens reach the listener as the model writes them
     */
    public ChatModelAnswerer(String name, ChatModel chatModel, StreamingChatModel streamingModel,
                             PromptTemplate prompt, SentenceSupport support, Duration timeout) {
        this.name = name;
        this.chatModel = chatModel;
        this.streamingModel = streamingModel;
        this.prompt = prompt;
        this.support = support;
        this.timeout = timeout;
    }

    @Override
    public Answer answer(AnswerContext context, TokenListener listener) {
        if (context.passages().isEmpty()) {
            Answer abstention = Answer.abstain();
            listener.onToken(abstention.text());
            return abstention;
        }
        String raw = generate(render(context), listener).strip();
        if (raw.isEmpty() || raw.contains(NOT_FOUND)) {
            return Answer.abstain();
        }
        List<Passage> sent = context.passages().stream().map(p -> p.passage()).toList();
        CitedText cited = CitationAssembler.assemble(raw, (marker, claim) -> {
            if (marker < 1 || marker > sent.size()) {
                return Optional.empty(); // the model invented a source
            }
            Passage passage = sent.get(marker - 1);
            Span span = support.bestSentence(passage, claim);
            return Optional.of(new Quote(passage.documentId(), passage.documentTitle(), span.start(), span.end(),
                    passage.textOf(span)));
        });
        if (cited.citations().isEmpty()) {
            return Answer.abstain(); // nothing it said can be checked against the documents
        }
        return new Answer(cited.text(), true, cited.citations());
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
        try {
            if (streamingModel == null) {
                CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> chatModel.chat(text), CALLS);
                String answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return answer == null ? "" : answer;
            }
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            streamingModel.chat(text, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    listener.onToken(partial);
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
            ChatResponse response = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return response.aiMessage() == null || response.aiMessage().text() == null ? ""
                    : response.aiMessage().text();
        } catch (TimeoutException e) {
            throw new ModelException("The model did not answer within " + timeout.toSeconds() + " s", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("Interrupted while waiting for the model", false, e);
        } catch (ExecutionException e) {
            throw ModelFailures.translate(e.getCause());
        } catch (RuntimeException e) {
            throw ModelFailures.translate(e);
        }
    }

    @Override
    public String name() {
        return name;
    }
}
