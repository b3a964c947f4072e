package org.jetraiders.server.transport;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts open connections in total and per remote address, to refuse handshakes over the caps. */
final class AddressLimiter {
    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    AddressLimiter(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    /** Null if a new connection from this address is allowed, else the reason it is not. */
    String refusal(InetAddress address) {
        if (total.get() >= maxTotal) {
            return "too many connections";
        }
        AtomicInteger n = perAddress.get(address);
        if (n != null && n.get() >= maxPerAddress) {
            return "too many connections from this address";
        }
        return null;
    }

    /** Counts an opened connection; false (and nothing counted) if it would exceed a cap. */
    boolean acquire(InetAddress address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return false;
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
        }
        return admitted[0];
    }

    void release(InetAddress address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    int total() {
        return total.get();
    }
}
