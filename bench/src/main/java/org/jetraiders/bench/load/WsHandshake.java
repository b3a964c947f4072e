package org.jetraiders.bench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The client side of the RFC 6455 opening handshake: the {@code GET} request with a fresh
 * {@code Sec-WebSocket-Key} (and {@code Sec-WebSocket-Protocol} when a subprotocol is asked for, as a
 * binary client asks for {@value Options#BIN_SUBPROTOCOL}), and the check of the server's response
 * head: status 101, {@code Upgrade: websocket}, {@code Connection: Upgrade}, the
 * {@code Sec-WebSocket-Accept} derived from the key, exactly the subprotocol asked for (none when none
 * was asked for) and no extension (none is offered). Pure functions, run once per connection.
 */
final class WsHandshake {

    static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** A response head longer than this is refused (Java-WebSocket's is about 200 bytes). */
    static final int MAX_RESPONSE_HEAD = 16 * 1024;

    private WsHandshake() {
    }

    /** A Sec-WebSocket-Key: 16 random bytes, base64. */
    static String newKey(RandomGenerator random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** The request bytes for {@code uri} (path and query as given); {@code subprotocol} may be null. */
    static byte[] request(URI uri, String key, String subprotocol) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        StringBuilder b = new StringBuilder(256)
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        if (subprotocol != null) {
            b.append("Sec-WebSocket-Protocol: ").append(subprotocol).append("\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The Sec-WebSocket-Accept a server must answer to {@code key}. */
    static String acceptFor(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-1", e);
        }
    }

    /** The index just past the blank line ending the response head in {@code a[from, to)}, or -1. */
    static int headEnd(byte[] a, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /**
     * Checks a response head (status line and headers, ISO-8859-1).
     *
     * @return null when it completes the handshake, else why not
     */
    static String check(String head, String key, String subprotocol) {
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.") || !status[1].equals("101")) {
            return "handshake refused: " + lines[0];
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.merge(name, lines[i].substring(colon + 1).trim(), (x, y) -> x + ", " + y);
            }
        }
        if (!"websocket".equalsIgnoreCase(headers.get("upgrade"))) {
            return "handshake: Upgrade is " + headers.get("upgrade");
        }
        if (!hasToken(headers.get("connection"), "upgrade")) {
            return "handshake: Connection is " + headers.get("connection");
        }
        if (!acceptFor(key).equals(headers.get("sec-websocket-accept"))) {
            return "handshake: wrong Sec-WebSocket-Accept " + headers.get("sec-websocket-accept");
        }
        String protocol = headers.get("sec-websocket-protocol");
        if (protocol != null && protocol.isEmpty()) {
            protocol = null;
        }
        if (subprotocol == null ? protocol != null : !subprotocol.equals(protocol)) {
            return "handshake: subprotocol " + protocol + ", asked for " + subprotocol;
        }
        String extensions = headers.get("sec-websocket-extensions");
        if (extensions != null && !extensions.isEmpty()) {
            return "handshake: unrequested extension " + extensions;
        }
        return null;
    }

    private static boolean hasToken(String value, String token) {
        if (value == null) {
            return false;
        }
        for (String t : value.split(",")) {
            if (t.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
