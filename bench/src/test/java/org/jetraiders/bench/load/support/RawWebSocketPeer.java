package org.jetraiders.bench.load.support;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * The server end of one WebSocket connection, written byte by byte with blocking sockets so a test
 * controls exactly how frames reach the client: split across several TCP writes with pauses (so they
 * arrive in separate reads), pings, fragments, close. {@link #readFrame} unmasks a client frame.
 */
public final class RawWebSocketPeer implements Closeable {

    private final ServerSocket listener;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;
    private String request;

    public RawWebSocketPeer() throws IOException {
        listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    }

    public String url(String pathAndQuery) {
        return "ws://127.0.0.1:" + listener.getLocalPort() + pathAndQuery;
    }

    /** Accepts the client and reads its handshake request without answering it. */
    public String acceptRequestOnly() throws IOException {
        listener.setSoTimeout(10_000);
        socket = listener.accept();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        request = head.toString(StandardCharsets.ISO_8859_1);
        return request;
    }

    /** Accepts the client, reads its request and answers 101 with the right accept and {@code subprotocol} (may be null). */
    public String acceptHandshake(String subprotocol) throws Exception {
        acceptRequestOnly();
        String key = header(request, "Sec-WebSocket-Key");
        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n"
                + (subprotocol == null ? "" : "Sec-WebSocket-Protocol: " + subprotocol + "\r\n") + "\r\n";
        write(response.getBytes(StandardCharsets.US_ASCII));
        return request;
    }

    public static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** An unmasked server frame. */
    public static byte[] frame(boolean fin, int opcode, byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            b.write(n);
        } else if (n < 65_536) {
            b.write(126);
            b.write(n >>> 8);
            b.write(n);
        } else {
            b.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                b.write((int) ((long) n >>> shift));
            }
        }
        b.writeBytes(payload);
        return b.toByteArray();
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes {@code bytes} in pieces cut at {@code cuts}, pausing between them so each arrives in its own read. */
    public void writeSplit(byte[] bytes, int... cuts) throws IOException, InterruptedException {
        int from = 0;
        for (int cut : cuts) {
            out.write(bytes, from, cut - from);
            out.flush();
            Thread.sleep(40);
            from = cut;
        }
        out.write(bytes, from, bytes.length - from);
        out.flush();
    }

    /** Reads one client frame, checks that it is masked and final, and returns {opcode, payload...}. */
    public Frame readFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        if ((b1 & 0x80) == 0) {
            throw new IOException("client frame not masked");
        }
        if ((b0 & 0x80) == 0) {
            throw new IOException("client frame not final");
        }
        long n = b1 & 0x7F;
        if (n == 126) {
            n = in.readUnsignedShort();
        } else if (n == 127) {
            n = in.readLong();
        }
        byte[] key = new byte[4];
        in.readFully(key);
        byte[] payload = new byte[(int) n];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= key[i & 3];
        }
        return new Frame(b0 & 0x0F, payload);
    }

    /** True when the client closed its end (read returns end of stream). */
    public boolean clientClosed() throws IOException {
        return in.read() < 0;
    }

    public String request() {
        return request;
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        listener.close();
    }

    /** A client frame, unmasked. */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }
}
