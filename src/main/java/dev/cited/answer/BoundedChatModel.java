package dev.cited.answer;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A chat model whose every call returns or fails within a hard deadline. The HTTP clients' own timeouts
 * only cover waiting for the response headers: a server that sends headers and then stalls would hold the
 * call forever. Here the call runs on its own thread and is interrupted (which cancels the JDK HTTP
 * exchange) when the deadline passes. Failures leave as {@link ModelException}.
 */
public final class BoundedChatModel implements ChatModel {
    /** Blocking model calls wait here, not in the common pool (one thread on a 2-core machine). */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cited-model-call");
        t.setDaemon(true);
        return t;
    });

    private final ChatModel delegate;
    private final Duration timeout;

    private BoundedChatModel(ChatModel delegate, Duration timeout) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.timeout = requirePositive(timeout);
    }

    /** {@code model} bounded by {@code timeout}; a model already bounded by the same timeout is returned as is. */
    public static ChatModel of(ChatModel model, Duration timeout) {
        if (model == null) {
            return null;
        }
        if (model instanceof BoundedChatModel bounded && bounded.timeout.equals(timeout)) {
            return model;
        }
        return new BoundedChatModel(model, timeout);
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        Duration limit = QuestionDeadline.bound(timeout); // what the question has left, if less
        if (limit.isZero()) {
            throw new ModelException("The question ran out of time (" + describe(timeout) + ") before the model was asked",
                    true, null);
        }
        Future<ChatResponse> call = CALLS.submit(() -> delegate.chat(request, options));
        try {
            return call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new ModelException("The model did not answer within " + describe(timeout), true, e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelException("Interrupted while waiting for the model", false, e);
        } catch (ExecutionException e) {
            throw ModelFailures.translate(e.getCause());
        }
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return chat(request, ChatRequestOptions.EMPTY);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return chat(request, ChatRequestOptions.EMPTY);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    public Duration timeout() {
        return timeout;
    }

    public static Duration requirePositive(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("The model timeout must be positive, not " + timeout);
        }
        return timeout;
    }

    static String describe(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
