package dev.cited.answer;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A streaming chat model whose every call ends within a hard deadline: exactly one of
 * {@code onCompleteResponse} or {@code onError} reaches the handler, by the deadline at the latest (a
 * {@link ModelException} marked as timeout), and nothing reaches it afterwards. On timeout the stream is
 * cancelled when the client library has handed out a handle for it (after the first token), which closes
 * the connection. Errors reach the handler as {@link ModelException}. {@code chat} returns at once: the
 * delegate is called on a thread of its own, interrupted on timeout if it is still inside that call.
 */
public final class BoundedStreamingChatModel implements StreamingChatModel {
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cited-model-deadline");
        t.setDaemon(true);
        return t;
    });

    /** Starts each model call and, on timeout, cancels it: neither may block the caller or the deadline thread. */
    private static final java.util.concurrent.ExecutorService STREAMS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cited-model-stream");
        t.setDaemon(true);
        return t;
    });

    private final StreamingChatModel delegate;
    private final Duration timeout;

    private BoundedStreamingChatModel(StreamingChatModel delegate, Duration timeout) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.timeout = BoundedChatModel.requirePositive(timeout);
    }

    /** {@code model} bounded by {@code timeout}; a model already bounded by the same timeout is returned as is. */
    public static StreamingChatModel of(StreamingChatModel model, Duration timeout) {
        if (model == null) {
            return null;
        }
        if (model instanceof BoundedStreamingChatModel bounded && bounded.timeout.equals(timeout)) {
            return model;
        }
        return new BoundedStreamingChatModel(model, timeout);
    }

    @Override
    public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
        Guard guard = new Guard(handler);
        guard.deadline = DEADLINES.schedule(() -> guard.fail(new ModelException(
                "The model did not finish answering within " + BoundedChatModel.describe(timeout), true, null)),
                QuestionDeadline.bound(timeout).toMillis(), TimeUnit.MILLISECONDS);
        // Started on its own thread: a client library may parse the stream on the calling thread (the JDK client
        // does when the response headers are in before it chains its parser), and the caller must never wait
        // past the deadline on a stalled server.
        STREAMS.execute(() -> {
            guard.enter();
            try {
                delegate.chat(request, options, guard);
            } catch (RuntimeException e) {
                guard.fail(ModelFailures.translate(e));
            } finally {
                guard.leave();
            }
        });
    }

    @Override
    public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
        chat(request, ChatRequestOptions.EMPTY, handler);
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        chat(request, ChatRequestOptions.EMPTY, handler);
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

    /** Passes events on until the first of complete, error or deadline; silences the rest. */
    private static final class Guard implements StreamingChatResponseHandler {
        private final StreamingChatResponseHandler handler;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final AtomicReference<StreamingHandle> stream = new AtomicReference<>();
        /** The thread inside the delegate's {@code chat}, while it is there; guarded by {@code this}. */
        private Thread caller;
        volatile ScheduledFuture<?> deadline;

        Guard(StreamingChatResponseHandler handler) {
            this.handler = handler;
        }

        @Override
        public void onPartialResponse(String partial) {
            if (!finished.get()) {
                handler.onPartialResponse(partial);
            }
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (context != null && context.streamingHandle() != null) {
                stream.compareAndSet(null, context.streamingHandle());
            }
            if (finished.get()) {
                cancelStream();
                return;
            }
            handler.onPartialResponse(partial, context);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (finished.compareAndSet(false, true)) {
                stopDeadline();
                handler.onCompleteResponse(response);
            }
        }

        @Override
        public void onError(Throwable error) {
            fail(ModelFailures.translate(error));
        }

        void fail(ModelException error) {
            if (finished.compareAndSet(false, true)) {
                stopDeadline();
                handler.onError(error); // first: the caller never waits on the clean-up below
                if (error.isTimeout()) {
                    // Closing a stalled connection can block; never on the deadline thread, which serves every call.
                    STREAMS.execute(() -> {
                        cancelStream();
                        interruptCaller();
                    });
                }
            }
        }

        synchronized void enter() {
            caller = Thread.currentThread();
        }

        synchronized void leave() {
            caller = null;
        }

        /** A client reading a stalled stream on the calling thread stops on interrupt (the JDK client does). */
        private synchronized void interruptCaller() {
            if (caller != null) {
                caller.interrupt();
            }
        }

        private void stopDeadline() {
            ScheduledFuture<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
        }

        private void cancelStream() {
            StreamingHandle handle = stream.get();
            if (handle != null && !handle.isCancelled()) {
                try {
                    handle.cancel();
                } catch (RuntimeException ignored) {
                    // closing an already broken stream
                }
            }
        }
    }
}
