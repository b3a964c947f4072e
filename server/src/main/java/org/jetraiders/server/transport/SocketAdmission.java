package org.jetraiders.server.transport;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One accepted socket's place under the connection caps, and whether its handshake is settled. The
 * selector thread (handshake finished) and the timer thread (handshake overdue) race to settle it; a
 * compare-and-set lets exactly one of them win.
 */
final class SocketAdmission {
    private final InetAddress address;
    private final long acceptedNanos;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile boolean refused;

    SocketAdmission(InetAddress address, long acceptedNanos) {
        this.address = address;
        this.acceptedNanos = acceptedNanos;
    }

    InetAddress address() {
        return address;
    }

    /** Selector thread: the handshake finished; false if the timeout closed the socket first. */
    boolean open() {
        return settle();
    }

    /**
     * Selector thread: the handshake was answered with an HTTP error. The library does not close such a
     * socket itself (it waits for the client to hang up), so it stays due for the sweep.
     */
    void refuse() {
        refused = true;
    }

    boolean wasRefused() {
        return refused;
    }

    /** Timer thread: true if the socket is still not open {@code timeoutNanos} after it was accepted (now settled: close it). */
    boolean expire(long nowNanos, long timeoutNanos) {
        // a plain read first: most sockets in the sweep are long open, and need no compare-and-set
        return nowNanos - acceptedNanos >= timeoutNanos && !settled.get() && settle();
    }

    /** Settles it whatever its age: true if it was not open yet (then close it). */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }
}
