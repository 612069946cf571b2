package dev.cited.http;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a small request body (up to {@code maxBytes}; not multipart) as it arrives, without holding a thread,
 * and only then hands the request on. The handlers behind read bodies with blocking servlet calls; without this,
 * a few hundred clients trickling a body in byte by byte hold every server thread and nobody else is answered.
 * A body that arrives slower than {@code minBytesPerSecond} (after a {@code grace} allowance) is answered 408,
 * a malformed one (such as a bad chunk size) 400, and one over the limit 413, all in the API's JSON shape.
 */
final class BufferedBodies extends Handler.Wrapper {
    /** Largest oversized body still read (and dropped) so that its sender reliably sees the 413. */
    private static final long MAX_DISCARD_BYTES = 4L * 1024 * 1024;

    private final int maxBytes;
    private final long minBytesPerSecond;
    private final long graceNanos;

    BufferedBodies(int maxBytes, long minBytesPerSecond, java.time.Duration grace) {
        this.maxBytes = maxBytes;
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length == 0 || length < 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        if (length > maxBytes || multipart(request)) {
            // an upload (Jetty streams it to disk), or a body already known to be over the limit, which the
            // handlers refuse with their own 413: read by the handlers as it comes, at the minimum rate
            return super.handle(minBytesPerSecond > 0 ? new MinimumRate(request) : request, response, callback);
        }
        new Body(request, response, callback, length > 0 ? length : maxBytes).start();
        return true;
    }

    private static boolean multipart(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** One request's body being read: each call of {@link #run} takes what has arrived and asks for more. */
    private final class Body implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long startedAt = NanoTime.now();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final AtomicBoolean finished = new AtomicBoolean();
        private final long expected;
        private long received;
        private boolean discarding;
        private Scheduler.Task deadline;

        Body(Request request, Response response, Callback callback, long expected) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.expected = expected;
        }

        void start() {
            if (minBytesPerSecond > 0) {
                // the fallback for a body that stops arriving altogether (run is then not called again)
                long allowed = graceNanos + TimeUnit.SECONDS.toNanos(1) * expected / minBytesPerSecond;
                deadline = request.getComponents().getScheduler().schedule(this::tooSlow, allowed, TimeUnit.NANOSECONDS);
            }
            run();
        }

        @Override
        public void run() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (belowMinimumRate()) {
                        tooSlow();
                    } else {
                        request.demand(this);
                    }
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (finish()) {
                        failed(chunk.getFailure());
                    }
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                received += buffer.remaining();
                if (received > maxBytes) {
                    discarding = true;
                }
                if (!discarding) {
                    byte[] copy = new byte[buffer.remaining()];
                    buffer.get(copy);
                    bytes.writeBytes(copy);
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (discarding && (last || received > MAX_DISCARD_BYTES)) {
                    if (finish()) {
                        Response.writeError(request, response, callback, 413);
                    }
                    return;
                }
                if (last) {
                    if (finish()) {
                        handOn();
                    }
                    return;
                }
            }
        }

        /**
         * A malformed body (Jetty's parser says 400, naming no internals), an idle connection (408), or the
         * connection closed under it, as when the server stops (503: whoever still listens may try again).
         */
        private void failed(Throwable failure) {
            if (failure instanceof HttpException) {
                Response.writeError(request, response, callback, failure);
            } else if (failure instanceof TimeoutException) {
                Response.writeError(request, response, callback, 408);
            } else {
                Response.writeError(request, response, callback, 503);
            }
        }

        private boolean belowMinimumRate() {
            return BufferedBodies.this.belowMinimumRate(startedAt, received);
        }

        private void tooSlow() {
            if (finish()) {
                Response.writeError(request, response, callback, 408);
            }
        }

        /** True for the one caller that gets to answer. */
        private boolean finish() {
            if (!finished.compareAndSet(false, true)) {
                return false;
            }
            if (deadline != null) {
                deadline.cancel();
            }
            return true;
        }

        private void handOn() {
            Request buffered = new BufferedRequest(request, bytes.toByteArray());
            try {
                if (!getHandler().handle(buffered, response, callback)) {
                    Response.writeError(buffered, response, callback, 404);
                }
            } catch (Throwable e) {
                Response.writeError(buffered, response, callback, e);
            }
        }
    }

    private boolean belowMinimumRate(long startedAt, long received) {
        if (minBytesPerSecond <= 0) {
            return false;
        }
        long elapsed = NanoTime.since(startedAt) - graceNanos;
        return elapsed > 0 && received < minBytesPerSecond * elapsed / TimeUnit.SECONDS.toNanos(1);
    }

    /**
     * A request whose body the handlers read themselves, failed once it falls under the minimum rate (checked
     * whenever more is asked for; a body that stops altogether is ended by the idle timeout).
     */
    private final class MinimumRate extends Request.Wrapper {
        private final long startedAt = NanoTime.now();
        private long received;
        private volatile boolean tooSlow;

        MinimumRate(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (tooSlow) {
                return Content.Chunk.from(new TimeoutException("the request body arrived too slowly"), true);
            }
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.hasRemaining()) {
                received += chunk.remaining();
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            if (belowMinimumRate(startedAt, received)) {
                tooSlow = true;
                demandCallback.run();
                return;
            }
            super.demand(demandCallback);
        }
    }

    /** The request with its body already read: one chunk holding all of it. */
    private static final class BufferedRequest extends Request.Wrapper {
        private final byte[] body;
        private boolean read;

        BufferedRequest(Request request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public long getLength() {
            return body.length;
        }

        @Override
        public synchronized Content.Chunk read() {
            if (read) {
                return Content.Chunk.EOF;
            }
            read = true;
            return Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // everything has arrived: read() never returns null
        }

        @Override
        public boolean consumeAvailable() {
            synchronized (this) {
                read = true;
            }
            return true;
        }

        @Override
        public void fail(Throwable failure) {
            // nothing is left to read
        }
    }
}
