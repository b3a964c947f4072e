package org.jetraiders.server.transport;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the sockets holding a place under the connection caps, in total and per remote address.
 * A place is taken when the socket is accepted, before its handshake, and given back when it closes.
 * Thread-safe.
 */
final class AddressLimiter {
    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    AddressLimiter(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    /** Takes a place for a socket from {@code address}: null if taken, else the cap that refused it (nothing taken). */
    HandshakeRefusal acquire(InetAddress address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return HandshakeRefusal.CONNECTION_LIMIT;
        }
        boolean[] admitted = new boolean[1];
        perAddress.compute(address, (a, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < maxPerAddress) {
                count.incrementAndGet();
                admitted[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            return HandshakeRefusal.PER_ADDRESS_LIMIT;
        }
        return null;
    }

    /** Gives back a place taken by {@link #acquire}. */
    void release(InetAddress address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    int total() {
        return total.get();
    }
}
