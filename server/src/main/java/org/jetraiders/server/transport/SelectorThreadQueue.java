package org.jetraiders.server.transport;

import java.nio.ByteBuffer;
import java.util.AbstractQueue;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bounded stack of read buffers that only the selector thread touches, standing in for the
 * {@code BlockingQueue}s Java-WebSocket moves every read through (see {@link NodeFreeReadQueues}): no
 * lock, no node, no condition to signal. The library's blocking calls cannot block here: {@link #take}
 * on an empty pool makes a new buffer (the library's would wait forever), and a {@link #put} past the
 * capacity is a broken invariant, reported as such rather than waited out.
 *
 * <p>Selector thread only: the library takes, hands over and returns read buffers on it, and we
 * decode on it (a worker thread would get them only through the library's {@code queue}, which
 * {@link GameWebSocketServer} overrides).
 */
final class SelectorThreadQueue extends AbstractQueue<ByteBuffer> implements BlockingQueue<ByteBuffer> {
    private final ByteBuffer[] items;
    private final Supplier<ByteBuffer> whenEmpty;
    private int size;

    /** @param whenEmpty what {@link #take()} returns when nothing is held; null: it throws then */
    SelectorThreadQueue(int capacity, Supplier<ByteBuffer> whenEmpty) {
        this.items = new ByteBuffer[capacity];
        this.whenEmpty = whenEmpty;
    }

    @Override
    public boolean offer(ByteBuffer buffer) {
        if (buffer == null) {
            throw new NullPointerException();
        }
        if (size == items.length) {
            return false;
        }
        items[size++] = buffer;
        return true;
    }

    @Override
    public void put(ByteBuffer buffer) {
        if (!offer(buffer)) {
            throw new IllegalStateException("a selector-thread queue of " + items.length + " read buffers is full");
        }
    }

    @Override
    public boolean offer(ByteBuffer buffer, long timeout, TimeUnit unit) {
        return offer(buffer);
    }

    @Override
    public ByteBuffer poll() {
        if (size == 0) {
            return null;
        }
        ByteBuffer buffer = items[--size];
        items[size] = null;
        return buffer;
    }

    @Override
    public ByteBuffer take() {
        ByteBuffer buffer = poll();
        if (buffer != null) {
            return buffer;
        }
        if (whenEmpty == null) {
            throw new IllegalStateException("take from an empty selector-thread queue");
        }
        return whenEmpty.get();
    }

    @Override
    public ByteBuffer poll(long timeout, TimeUnit unit) {
        return poll();
    }

    @Override
    public ByteBuffer peek() {
        return size == 0 ? null : items[size - 1];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int remainingCapacity() {
        return items.length - size;
    }

    @Override
    public int drainTo(Collection<? super ByteBuffer> target) {
        return drainTo(target, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super ByteBuffer> target, int maxElements) {
        int n = 0;
        ByteBuffer buffer;
        while (n < maxElements && (buffer = poll()) != null) {
            target.add(buffer);
            n++;
        }
        return n;
    }

    /** A snapshot (allocates; nothing on the read path iterates). */
    @Override
    public Iterator<ByteBuffer> iterator() {
        return Arrays.asList(Arrays.copyOf(items, size)).iterator();
    }
}
