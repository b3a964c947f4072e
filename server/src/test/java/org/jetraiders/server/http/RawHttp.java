package org.jetraiders.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Raw HTTP/1.1 over a socket, for clients the JDK's HttpClient will not imitate: stalled, partial, oversized. */
final class RawHttp {
    private RawHttp() {
    }

    /** Connects and sends {@code text} exactly as given (ISO-8859-1), then leaves the socket open. */
    static Socket send(int port, String text) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    /**
     * Reads everything the server sends until it closes the connection (EOF or reset).
     *
     * @param deadlineNanos {@link System#nanoTime()} by which the server must have closed it
     * @throws AssertionError if the connection is still open at the deadline
     */
    static String readUntilClosed(Socket socket, long deadlineNanos) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                throw new AssertionError("the server did not close the connection; received: " + text(received));
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue; // the loop decides whether the deadline has passed
            } catch (SocketException e) {
                return text(received); // reset by the server: closed as well
            }
            if (n < 0) {
                return text(received);
            }
            received.write(buffer, 0, n);
        }
    }

    /** The status code of a response's first line, or -1 if there is none. */
    static int status(String response) {
        return response.startsWith("HTTP/1.1 ") && response.length() >= 12
                ? Integer.parseInt(response.substring(9, 12)) : -1;
    }

    /** The body after the blank line that ends the headers. */
    static String body(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? "" : response.substring(end + 4);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed by the server
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
