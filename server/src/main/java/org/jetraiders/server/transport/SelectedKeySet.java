package org.jetraiders.server.transport;

import java.lang.reflect.Field;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.LockSupport;

/**
 * The selector's set of ready keys without garbage. The JDK keeps them in a {@code HashSet}, so every
 * ready socket costs a new hash-map node and every pass a new iterator: at 256 clients that was the
 * server's largest source of garbage (about 6 MB/s, which the heap turns into resident memory). Netty
 * swaps in an array for the same reason; this does it for Java-WebSocket's selector, through
 * {@code sun.misc.Unsafe} as Netty does, so no {@code --add-opens} is needed.
 *
 * <p>It is also where the selector loop can be paced: the library asks for the iterator once per
 * pass, right after {@code select} returns, and walks it to the end; see {@link #SelectedKeySet(long)}.
 *
 * <p>Selector thread only (the JDK fills it inside {@code select}, the library iterates and removes
 * on the same thread). The iterator is reused: one iteration at a time, as the library does.
 */
final class SelectedKeySet extends AbstractSet<SelectionKey> {
    private SelectionKey[] keys = new SelectionKey[64]; // in the order added; the iterator walks it
    private int size;
    /**
     * The same keys by identity hash (open addressing, linear probing, at most half full), so
     * {@link #contains} is one probe: the JDK asks it for every ready key before adding it, and a scan
     * of {@link #keys} made a pass quadratic in the sockets it serves.
     */
    private SelectionKey[] index = new SelectionKey[128];
    private int indexShift = Integer.SIZE - 7;
    private final KeyIterator iterator = new KeyIterator();
    private final long passNanos;
    private long passStartNanos;

    /**
     * @param minPassNanos the shortest time one pass of the selector loop may take; 0 for none. A pass
     *                     that ends sooner naps for the rest before the loop selects again, so the
     *                     next select collects every socket that became ready meanwhile: one wake-up
     *                     serves many messages instead of one each (see {@code --read-batch-micros})
     */
    SelectedKeySet(long minPassNanos) {
        this.passNanos = minPassNanos;
    }

    @Override
    public boolean add(SelectionKey key) {
        if (key == null || contains(key)) {
            return false;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size++] = key;
        if (2 * size > index.length) {
            rehash(index.length * 2);
        }
        index[slotFor(key)] = key;
        return true;
    }

    @Override
    public boolean contains(Object o) {
        return o != null && index[slotFor(o)] == o;
    }

    @Override
    public boolean remove(Object o) {
        if (!contains(o)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i] == o) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    private void removeAt(int i) {
        unindex(keys[i]);
        keys[i] = keys[--size];
        keys[size] = null;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(index, null);
        size = 0;
    }

    /** The slot holding {@code o}, or the empty slot where it would go. */
    private int slotFor(Object o) {
        int mask = index.length - 1;
        int slot = (System.identityHashCode(o) * 0x9E3779B9) >>> indexShift;
        while (index[slot] != null && index[slot] != o) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Removes a key from the index, moving later keys of its probe run back so none is cut off. */
    private void unindex(SelectionKey key) {
        int mask = index.length - 1;
        int hole = slotFor(key);
        index[hole] = null;
        for (int slot = (hole + 1) & mask; index[slot] != null; slot = (slot + 1) & mask) {
            SelectionKey moved = index[slot];
            int home = (System.identityHashCode(moved) * 0x9E3779B9) >>> indexShift;
            // moved may fill the hole unless its home lies cyclically in (hole, slot]
            boolean homeInBetween = hole <= slot ? hole < home && home <= slot : hole < home || home <= slot;
            if (!homeInBetween) {
                index[hole] = moved;
                index[slot] = null;
                hole = slot;
            }
        }
    }

    private void rehash(int capacity) {
        index = new SelectionKey[capacity];
        indexShift = Integer.SIZE - Integer.numberOfTrailingZeros(capacity);
        for (int i = 0; i < size; i++) {
            index[slotFor(keys[i])] = keys[i];
        }
    }

    @Override
    public int size() {
        return size;
    }

    /** Walks from the end, so removing the current key (swapped with the last, already seen) is safe. */
    @Override
    public Iterator<SelectionKey> iterator() {
        iterator.next = size - 1;
        iterator.current = -1;
        iterator.napped = false;
        passStartNanos = System.nanoTime(); // the library asks for the iterator right after each select
        return iterator;
    }

    /** The library has handled this pass's keys: nap until the pass has lasted its minimum. */
    private void endOfPass() {
        if (passNanos > 0) {
            long rest = passStartNanos + passNanos - System.nanoTime();
            if (rest > 0) {
                LockSupport.parkNanos(this, rest);
            }
        }
    }

    private final class KeyIterator implements Iterator<SelectionKey> {
        int next;
        int current;
        boolean napped;

        @Override
        public boolean hasNext() {
            if (next >= 0 && next < size) {
                return true;
            }
            if (!napped) {
                napped = true;
                endOfPass();
            }
            return false;
        }

        @Override
        public SelectionKey next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            current = next--;
            return keys[current];
        }

        @Override
        public void remove() {
            if (current < 0) {
                throw new IllegalStateException();
            }
            removeAt(current);
            current = -1;
        }
    }

    /**
     * Installs a fresh set into {@code selector} (a JDK {@code sun.nio.ch.SelectorImpl}), to be called on
     * the selector's thread before it first selects.
     *
     * @return false (nothing changed) when this JDK's selector does not have the expected fields
     */
    static boolean install(Selector selector, long minPassNanos) {
        try {
            Field unsafeField = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            unsafeField.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) unsafeField.get(null);
            Class<?> impl = Class.forName("sun.nio.ch.SelectorImpl", false, ClassLoader.getPlatformClassLoader());
            if (!impl.isInstance(selector)) {
                return false;
            }
            Field selected = impl.getDeclaredField("selectedKeys");
            Field published = impl.getDeclaredField("publicSelectedKeys");
            SelectedKeySet set = new SelectedKeySet(minPassNanos);
            unsafe.putObjectVolatile(selector, unsafe.objectFieldOffset(selected), set);
            unsafe.putObjectVolatile(selector, unsafe.objectFieldOffset(published), set);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The selector of a Java-WebSocket server (a private field of the library's). */
    static Selector selectorOf(org.java_websocket.server.WebSocketServer server) {
        try {
            Field f = org.java_websocket.server.WebSocketServer.class.getDeclaredField("selector");
            f.setAccessible(true);
            return (Selector) f.get(server);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
