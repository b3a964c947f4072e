package org.jetraiders.client.world;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The last snapshots received, to render the world a little in the past: {@link #at(double)}
 * interpolates between the two snapshots around a render tick, {@link #sample} picks that tick from
 * the clock. Rendering ~100 ms (6 ticks at 60 Hz) behind the newest snapshot hides a late or lost
 * snapshot or two; the browser client adapts that delay to the measured jitter, this buffer leaves it
 * to the caller.
 *
 * <p>Thread-safe: a listener adds on the connection's read thread while a render loop samples.
 */
public final class SnapshotBuffer {
    /** Snapshots this far older than the newest mean a new stream (the server restarted, another lobby). */
    private static final long RESTART_TICKS = 600;

    private record Entry(WorldSnapshot snapshot, long receivedNanos) {
    }

    private final int capacity;
    private final WorldBounds bounds;
    private final ArrayDeque<Entry> entries;

    /**
     * @param capacity snapshots kept, at least 2 (120 is two seconds at 60 Hz)
     * @param bounds   the lobby's world, for wraps round its edges
     */
    public SnapshotBuffer(int capacity, WorldBounds bounds) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity " + capacity + " < 2");
        }
        this.capacity = capacity;
        this.bounds = bounds;
        this.entries = new ArrayDeque<>(capacity);
    }

    /** 120 snapshots in the default world. */
    public SnapshotBuffer() {
        this(120, WorldBounds.DEFAULT);
    }

    /**
     * Adds a snapshot received at {@code receivedNanos} ({@link System#nanoTime()}). One not newer than
     * the newest is ignored (a duplicate); one far older starts the buffer over.
     *
     * @return whether it was added
     */
    public synchronized boolean add(WorldSnapshot snapshot, long receivedNanos) {
        Entry newest = entries.peekLast();
        if (newest != null && snapshot.tick() <= newest.snapshot.tick()) {
            if (snapshot.tick() >= newest.snapshot.tick() - RESTART_TICKS) {
                return false;
            }
            entries.clear();
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(snapshot, receivedNanos));
        return true;
    }

    /** The newest snapshot, or null. */
    public synchronized WorldSnapshot newest() {
        Entry e = entries.peekLast();
        return e == null ? null : e.snapshot;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /**
     * The world at {@code tick}: interpolated between the snapshots around it, the oldest before the
     * first, the newest after the last (motion stalls rather than guessing). Null when empty.
     */
    public synchronized RenderedWorld at(double tick) {
        Entry last = entries.peekLast();
        if (last == null) {
            return null;
        }
        if (tick >= last.snapshot.tick()) {
            return Interpolation.of(last.snapshot);
        }
        Entry first = entries.peekFirst();
        if (tick <= first.snapshot.tick()) {
            return Interpolation.of(first.snapshot);
        }
        Iterator<Entry> newestFirst = entries.descendingIterator();
        Entry to = newestFirst.next();
        while (newestFirst.hasNext()) {
            Entry from = newestFirst.next();
            if (from.snapshot.tick() <= tick) {
                return Interpolation.between(from.snapshot, to.snapshot, tick, bounds);
            }
            to = from;
        }
        return Interpolation.of(first.snapshot); // unreachable: the first is at or before tick
    }

    /**
     * The world {@code delay} behind the newest snapshot at {@code nowNanos}: the render tick is the
     * newest tick, plus the ticks since it arrived, minus the delay. Null when empty.
     *
     * @param tickRateHz the lobby's ticks per second (60 by default)
     */
    public synchronized RenderedWorld sample(long nowNanos, Duration delay, int tickRateHz) {
        Entry last = entries.peekLast();
        if (last == null) {
            return null;
        }
        double tickNanos = 1e9 / tickRateHz;
        double renderTick = last.snapshot.tick() + (nowNanos - last.receivedNanos) / tickNanos - delay.toNanos() / tickNanos;
        return at(renderTick);
    }
}
