package org.jetraiders.server.http;

import java.net.URI;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request as a route sees it (method, URI, the body already read) and its one response, which is
 * written without blocking. Used by one thread at a time: the worker that runs the route, or the
 * scheduler thread that answers a body timeout (handed over through {@link BodyReader}'s once-flag).
 */
final class Exchange {
    private static final byte[] NO_BODY = new byte[0];

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final URI uri;
    private byte[] body = NO_BODY;
    private boolean bodyTaken;
    private boolean responded;

    /** @param callback completed when the response is written (or fails) */
    Exchange(Request request, Response response, Callback callback, URI uri) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.uri = uri;
    }

    String getRequestMethod() {
        return request.getMethod();
    }

    /** The request target as sent (path and query, not decoded). */
    URI getRequestURI() {
        return uri;
    }

    /** The body read by {@link BodyReader}; empty for routes that take none. */
    byte[] requestBody() {
        return body;
    }

    void requestBody(byte[] body) {
        this.body = body;
        this.bodyTaken = true;
    }

    void setResponseHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    boolean isResponded() {
        return responded;
    }

    /**
     * Sends the whole response and completes the request once it is written.
     *
     * @param contentType null for a response without a body (204)
     * @throws IllegalStateException if a response was already sent
     */
    void send(int status, String contentType, byte[] content) {
        if (responded) {
            throw new IllegalStateException("already responded");
        }
        responded = true;
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        if (!bodyTaken && declaresBody()) {
            // A body nobody read (a refusal, a wrong method, a body that failed) may still be on its
            // way when this answer is written, and then stays in the connection after it; without this
            // the client reuses the connection and its next request fails ("header parser received no
            // bytes", seen once in HttpSideIT after a 405 to a POST).
            headers.put(HttpHeader.CONNECTION, "close");
        }
        if (contentType != null) {
            headers.put(HttpHeader.CONTENT_TYPE, contentType);
            headers.put(HttpHeader.CONTENT_LENGTH, content.length);
        }
        response.write(true, content.length == 0 ? null : ByteBuffer.wrap(content), callback);
    }

    private boolean declaresBody() {
        HttpFields fields = request.getHeaders();
        return fields.getLongField(HttpHeader.CONTENT_LENGTH) > 0 || fields.contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** Ends the request without a response (the connection is broken or the route failed after sending). */
    void abandon(Throwable cause) {
        responded = true;
        callback.failed(cause);
    }
}
