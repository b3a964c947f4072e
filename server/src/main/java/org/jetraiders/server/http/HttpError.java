package org.jetraiders.server.http;

/** Ends a request with a JSON error {@code {"error": code, "message": message}}; thrown by route handlers. */
final class HttpError extends RuntimeException {
    final int status;
    final String code;

    HttpError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }
}
