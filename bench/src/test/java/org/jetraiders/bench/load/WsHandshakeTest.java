package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WsHandshakeTest {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="; // RFC 6455 section 1.3

    private static String response(String... headers) {
        return "HTTP/1.1 101 Web Socket Protocol Handshake\r\n" + String.join("\r\n", headers);
    }

    @Test
    void shouldDeriveTheAcceptOfTheRfcExample() {
        assertEquals(ACCEPT, WsHandshake.acceptFor(KEY));
        assertEquals(24, WsHandshake.newKey(new SplittableRandom(1)).length());
    }

    @Test
    void shouldWriteTheRequestWithPathQueryHostAndSubprotocol() {
        String bin = new String(WsHandshake.request(URI.create("ws://127.0.0.1:18201/ws?lobby_id=load-3"), KEY,
                Options.BIN_SUBPROTOCOL), StandardCharsets.US_ASCII);
        assertTrue(bin.startsWith("GET /ws?lobby_id=load-3 HTTP/1.1\r\nHost: 127.0.0.1:18201\r\n"), bin);
        assertTrue(bin.contains("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + KEY
                + "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: jetraiders.v1.bin\r\n\r\n"), bin);
        String json = new String(WsHandshake.request(URI.create("ws://h"), KEY, null), StandardCharsets.US_ASCII);
        assertTrue(json.startsWith("GET / HTTP/1.1\r\nHost: h\r\n"), json);
        assertTrue(!json.contains("Protocol"), json);
    }

    @Test
    void shouldAcceptAValidResponseAndFindTheEndOfItsHead() {
        assertNull(WsHandshake.check(response("Connection: Upgrade", "Upgrade: websocket", "Sec-WebSocket-Accept: " + ACCEPT,
                "Sec-WebSocket-Protocol: jetraiders.v1.bin", "Server: TooTallNate Java-WebSocket"), KEY, Options.BIN_SUBPROTOCOL));
        assertNull(WsHandshake.check(response("connection: keep-alive, upgrade", "UPGRADE: WebSocket",
                "sec-websocket-accept: " + ACCEPT), KEY, null));
        byte[] bytes = "HTTP/1.1 101 OK\r\nA: b\r\n\r\n\u0081\u0000".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(bytes.length - 2, WsHandshake.headEnd(bytes, 0, bytes.length));
        assertEquals(-1, WsHandshake.headEnd(bytes, 0, bytes.length - 3));
    }

    @Test
    void shouldRefuseBadResponses() {
        String ok = "Sec-WebSocket-Accept: " + ACCEPT;
        assertTrue(WsHandshake.check("HTTP/1.1 404 WebSocket Upgrade Failure\r\n", KEY, null).contains("404"));
        assertTrue(WsHandshake.check(response("Connection: Upgrade", "Upgrade: websocket", "Sec-WebSocket-Accept: x"),
                KEY, null).contains("Accept"));
        assertTrue(WsHandshake.check(response("Connection: Upgrade", ok), KEY, null).contains("Upgrade"));
        assertTrue(WsHandshake.check(response("Upgrade: websocket", ok), KEY, null).contains("Connection"));
        assertTrue(WsHandshake.check(response("Connection: Upgrade", "Upgrade: websocket", ok), KEY,
                Options.BIN_SUBPROTOCOL).contains("subprotocol"), "a binary client needs its subprotocol");
        assertTrue(WsHandshake.check(response("Connection: Upgrade", "Upgrade: websocket", ok,
                "Sec-WebSocket-Protocol: other"), KEY, null).contains("subprotocol"));
        assertTrue(WsHandshake.check(response("Connection: Upgrade", "Upgrade: websocket", ok,
                "Sec-WebSocket-Extensions: permessage-deflate"), KEY, null).contains("extension"));
    }
}
