package org.jetraiders.server.http;

import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jetraiders.server.metrics.ServerMetrics;

/**
 * Errors Jetty answers itself, before a request reaches the {@link Router} (unparsable request 400,
 * URI too long 414, headers too large 431...), in the same JSON shape and headers as the router's
 * own errors. Runs on Jetty's worker threads.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final ServerMetrics metrics;

    JsonErrorHandler(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        if (code == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 || code == HttpStatus.URI_TOO_LONG_414) {
            metrics.httpRefused(Refusals.HEADERS_TOO_LARGE);
        }
        JsonObject error = code == HttpStatus.BAD_REQUEST_400 && isBadRequestTarget(cause)
                ? Responses.errorBody("bad_path", "invalid path") // as the router answers the paths Jetty lets through
                : Responses.errorBody(codeName(code), message == null || message.isBlank() ? HttpStatus.getMessage(code) : message);
        byte[] body = Responses.GSON.toJson(error).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("Access-Control-Allow-Origin", "*");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** True if Jetty refused the request target itself, e.g. a path that climbs above the root. */
    private static boolean isBadRequestTarget(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            StackTraceElement[] where = t.getStackTrace();
            if (t instanceof IllegalArgumentException && where.length > 0
                    && where[0].getClassName().startsWith(HttpURI.class.getName())) {
                return true;
            }
        }
        return false;
    }

    static String codeName(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 408 -> "request_timeout";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }
}
