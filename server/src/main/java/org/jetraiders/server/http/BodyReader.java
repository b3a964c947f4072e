package org.jetraiders.server.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jetraiders.server.metrics.ServerMetrics;

/**
 * Reads one request body without holding a thread while the bytes are in transit: it takes the
 * chunks Jetty has and asks to be called back for more, so a body that never comes costs memory and
 * a socket, not a worker. The body must fit in {@code maxBytes} (else 413) and arrive before the
 * request timeout, counted from the request's first byte (else 408 and the connection is closed).
 *
 * <p>Runs on Jetty worker threads (the first read and each demand callback) and on the scheduler
 * thread (the timeout); {@link #finished} lets exactly one of them complete the read.
 */
final class BodyReader {
    private final Request request;
    private final int maxBytes;
    private final ServerMetrics metrics;
    private final Consumer<byte[]> onBody;
    private final Consumer<HttpError> onError;
    private final AtomicBoolean finished = new AtomicBoolean();
    private byte[] bytes = new byte[256];
    private int size;
    private Scheduler.Task timeout;

    private BodyReader(Request request, int maxBytes, ServerMetrics metrics, Consumer<byte[]> onBody,
                       Consumer<HttpError> onError) {
        this.request = request;
        this.maxBytes = maxBytes;
        this.metrics = metrics;
        this.onBody = onBody;
        this.onError = onError;
    }

    /**
     * Starts reading; exactly one of {@code onBody} and {@code onError} is called later, on a worker or
     * scheduler thread, or before this returns.
     */
    static void read(Request request, int maxBytes, long requestTimeoutNanos, Scheduler scheduler, ServerMetrics metrics,
                     Consumer<byte[]> onBody, Consumer<HttpError> onError) {
        BodyReader reader = new BodyReader(request, maxBytes, metrics, onBody, onError);
        if (request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > maxBytes) {
            reader.fail(reader.tooLarge()); // refused before a byte of it is read
            return;
        }
        long left = timeLeft(request, requestTimeoutNanos);
        synchronized (reader) {
            reader.timeout = scheduler.schedule(reader::expire, left, TimeUnit.NANOSECONDS);
        }
        reader.readAvailable();
    }

    /** What is left of the request timeout since the request's first byte arrived. */
    static long timeLeft(Request request, long requestTimeoutNanos) {
        long elapsed = System.nanoTime() - request.getBeginNanoTime();
        if (elapsed < 0 || elapsed > requestTimeoutNanos) {
            // the header deadline closes connections before the timeout, so this is an unusable begin time
            return requestTimeoutNanos;
        }
        return requestTimeoutNanos - elapsed;
    }

    private void readAvailable() {
        while (!finished.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this::readAvailable);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                // Jetty's idle timeout, or the client went away mid-body
                fail(chunk.getFailure() instanceof TimeoutException ? timedOut()
                        : new HttpError(400, "bad_request", "the body could not be read"));
                return;
            }
            boolean last = chunk.isLast();
            boolean fits = append(chunk.getByteBuffer());
            chunk.release();
            if (!fits) {
                fail(tooLarge());
                return;
            }
            if (last) {
                if (finish()) {
                    onBody.accept(Arrays.copyOf(bytes, size));
                }
                return;
            }
        }
    }

    private boolean append(ByteBuffer buffer) {
        int n = buffer.remaining();
        if (n > maxBytes - size) {
            return false;
        }
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(maxBytes, Math.max(size + n, bytes.length * 2)));
        }
        buffer.get(bytes, size, n);
        size += n;
        return true;
    }

    private void expire() {
        fail(timedOut());
    }

    private void fail(HttpError error) {
        if (finish()) {
            onError.accept(error);
        }
    }

    /** @return true for the one caller that gets to complete the read */
    private boolean finish() {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        synchronized (this) {
            if (timeout != null) {
                timeout.cancel();
            }
        }
        return true;
    }

    private HttpError tooLarge() {
        metrics.httpRefused(Refusals.BODY_TOO_LARGE);
        return new HttpError(413, "body_too_large", "the body must be at most " + maxBytes + " bytes");
    }

    private HttpError timedOut() {
        metrics.httpRefused(Refusals.REQUEST_TIMEOUT);
        return new HttpError(408, "request_timeout", "the request did not arrive in time");
    }
}
