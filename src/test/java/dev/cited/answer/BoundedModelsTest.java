package dev.cited.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deadlines that keep a stuck model from holding a request, without any server. */
class BoundedModelsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** For calls that must not time out, even while classes load on a busy machine. */
    private static final Duration GENEROUS = Duration.ofSeconds(5);
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void givenAModelThatNeverReturns_whenChatting_thenATimeoutFailureArrivesAndTheCallIsInterrupted() {
        CountDownLatch interrupted = new CountDownLatch(1);
        ChatModel stuck = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                throw new IllegalStateException("interrupted");
            }
        };
        ChatModel bounded = BoundedChatModel.of(stuck, TIMEOUT);
        ModelException e = assertTimeoutPreemptively(BOUND,
                () -> assertThrows(ModelException.class, () -> bounded.chat("hello")));
        assertTrue(e.isTimeout(), e.getMessage());
        assertTimeoutPreemptively(BOUND, () -> interrupted.await());
    }

    @Test
    void givenAModelThatFails_whenChatting_thenTheFailureIsAModelErrorNotATimeout() {
        ChatModel failing = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw new dev.langchain4j.exception.InternalServerException("{\"error\":{\"message\":\"boom\"}}");
            }
        };
        ModelException e = assertThrows(ModelException.class, () -> BoundedChatModel.of(failing, GENEROUS).chat("hi"));
        assertFalse(e.isTimeout());
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    void givenABoundedModel_whenBoundedAgainWithTheSameTimeout_thenItIsNotWrappedTwice() {
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
            }
        };
        ChatModel once = BoundedChatModel.of(model, GENEROUS);
        assertSame(once, BoundedChatModel.of(once, GENEROUS));
        assertEquals("ok", once.chat("hi"));
    }

    @Test
    void givenAStreamThatStallsAfterATokenThenTalksAgain_whenTheDeadlinePasses_thenOneTimeoutErrorAndNothingAfter() throws Exception {
        AtomicReference<StreamingChatResponseHandler> inner = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        StreamingHandle handle = new StreamingHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        StreamingChatModel stalling = new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                inner.set(handler);
                handler.onPartialResponse(new PartialResponse("North "), new PartialResponseContext(handle));
            }
        };
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        BoundedStreamingChatModel.of(stalling, TIMEOUT).chat("q", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                events.add("token:" + partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                events.add("complete");
            }

            @Override
            public void onError(Throwable error) {
                events.add("error");
                failure.complete(error);
            }
        });
        Throwable error = failure.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(error instanceof ModelException m && m.isTimeout(), String.valueOf(error));
        long until = System.nanoTime() + BOUND.toNanos(); // cancelled off the deadline thread, right after the error
        while (!cancelled.get() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(cancelled.get(), "the stalled stream is cancelled");

        inner.get().onPartialResponse(new PartialResponse("Korea"), new PartialResponseContext(handle));
        inner.get().onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("North Korea")).build());
        inner.get().onError(new RuntimeException("late"));
        // "North " arrived before the deadline unless class loading on a slow machine took longer than it.
        assertTrue(events.equals(List.of("token:North ", "error")) || events.equals(List.of("error")), events.toString());
    }

    @Test
    void givenAStreamThatThrowsAtOnce_whenChatting_thenTheHandlerGetsAModelError() throws Exception {
        StreamingChatModel broken = new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                throw new IllegalStateException("no connection");
            }
        };
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        BoundedStreamingChatModel.of(broken, GENEROUS).chat("q", completing(failure));
        Throwable error = failure.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(error instanceof ModelException m && !m.isTimeout() && m.getMessage().contains("no connection"),
                String.valueOf(error));
    }

    @Test
    void givenAClientThatReadsTheStreamOnTheCallingThread_whenItStalls_thenChatReturnsTheTimeoutArrivesAndTheReadIsInterrupted()
            throws Exception {
        // The JDK HTTP client parses on the caller's thread when the headers are in before it chains its parser.
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        StreamingChatModel blocking = new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            }
        };
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        try {
            assertTimeoutPreemptively(BOUND,
                    () -> BoundedStreamingChatModel.of(blocking, TIMEOUT).chat("q", completing(failure)));
            Throwable error = failure.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(error instanceof ModelException m && m.isTimeout(), String.valueOf(error));
            assertTrue(interrupted.await(BOUND.toMillis(), TimeUnit.MILLISECONDS), "the stalled read is interrupted");
        } finally {
            release.countDown();
        }
    }

    /** A handler that completes {@code outcome} with the error, or with null when the answer completes. */
    private static StreamingChatResponseHandler completing(CompletableFuture<Throwable> outcome) {
        return new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse response) {
                outcome.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                outcome.complete(error);
            }
        };
    }
}
