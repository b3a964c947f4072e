package org.jetraiders.server.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client done by hand on a plain socket, so a test can make it stop reading (after the
 * handshake it only writes unless asked to read a frame) or never answer a ping. Its receive buffer is small, so the server's send queue fills quickly.
 */
public final class RawWebSocket implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Connects and completes the handshake; fails unless the server answers 101. */
    public static RawWebSocket connect(int port, String pathAndQuery) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096); // before connect, so the advertised window stays small
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(10_000);
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String response = readHeaders(socket.getInputStream());
        if (!response.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("handshake refused: " + response);
        }
        return new RawWebSocket(socket);
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read(); // byte by byte: nothing after the headers is consumed
            if (b < 0) {
                throw new IOException("connection closed during the handshake: " + headers);
            }
            headers.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one masked text frame, as a client must. */
    public void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 8);
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** One frame from the server (unmasked, unfragmented as ours are). */
    public record Frame(int opcode, byte[] payload) {
        public static final int TEXT = 0x1;
        public static final int PING = 0x9;
    }

    /** Reads the next frame; blocks up to the socket timeout (10 s). */
    public Frame readFrame() throws IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
        int b0 = in.readUnsignedByte();
        int len7 = in.readUnsignedByte() & 0x7F;
        long length = len7 == 126 ? in.readUnsignedShort() : len7 == 127 ? in.readLong() : len7;
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(b0 & 0x0F, payload);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
