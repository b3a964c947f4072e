package org.jetraiders.server.http;

/** Reasons the HTTP side counts in {@code ServerMetrics.httpRefused}: a fixed set, so labels stay bounded. */
final class Refusals {
    /** A request's headers or body did not all arrive within the request timeout (closed, or 408). */
    static final String REQUEST_TIMEOUT = "request_timeout";
    /** A body over the size limit (413). */
    static final String BODY_TOO_LARGE = "body_too_large";
    /** A request line or headers over the size limit (414 / 431). */
    static final String HEADERS_TOO_LARGE = "headers_too_large";
    /** The connection cap was reached and the server stopped accepting for a while. */
    static final String CONNECTION_LIMIT = "connection_limit";
    /** A replay request while {@code --replay-concurrency} others were being served (503). */
    static final String REPLAY_BUSY = "replay_busy";

    private Refusals() {
    }
}
