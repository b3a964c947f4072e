package org.jetraiders.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Serves files from the classpath folder {@code /web/}. Only names made of letters, digits, '.', '_'
 * and '-' in each path segment, not starting with a dot, with a known extension are served, so
 * traversal ({@code ..}, encoded or not), hidden files and directory listings are impossible.
 */
final class StaticFiles {
    static final String ROOT = "/web/";
    private static final int MAX_PATH_LENGTH = 256;
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8");

    private final ClassLoader loader;

    StaticFiles(ClassLoader loader) {
        this.loader = loader;
    }

    void serve(Exchange exchange) throws IOException {
        String relative = resolve(exchange.getRequestURI().getPath());
        if (relative == null) {
            throw new HttpError(400, "bad_path", "invalid path");
        }
        String type = contentType(relative);
        byte[] body = type == null ? null : read(relative);
        if (body == null) {
            throw new HttpError(404, "not_found", "no such file");
        }
        exchange.setResponseHeader("Cache-Control", "no-cache");
        Responses.bytes(exchange, 200, type, body);
    }

    /** The classpath-relative name for a decoded request path, or null if the path is not acceptable. */
    static String resolve(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/' || path.length() > MAX_PATH_LENGTH) {
            return null;
        }
        if (path.equals("/")) {
            return "index.html";
        }
        String relative = path.substring(1);
        for (String segment : relative.split("/", -1)) {
            if (!validSegment(segment)) {
                return null;
            }
        }
        return relative;
    }

    static String contentType(String relative) {
        int dot = relative.lastIndexOf('.');
        int slash = relative.lastIndexOf('/');
        if (dot <= slash + 1) {
            return null;
        }
        return CONTENT_TYPES.get(relative.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean validSegment(String segment) {
        if (segment.isEmpty() || segment.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private byte[] read(String relative) throws IOException {
        try (InputStream in = loader.getResourceAsStream(ROOT.substring(1) + relative)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
