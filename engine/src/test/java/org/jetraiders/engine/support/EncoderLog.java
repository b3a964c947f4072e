package org.jetraiders.engine.support;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.SnapshotEncoder;

/** An encoder that writes nothing and records which ticks it encoded, on which threads. */
public final class EncoderLog implements SnapshotEncoder {
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final Set<Long> ticks = ConcurrentHashMap.newKeySet();
    private volatile long lastTick = -1;

    @Override
    public void encode(Snapshot snapshot, EncodedBuffer out) {
        threads.add(Thread.currentThread().getName());
        ticks.add(snapshot.tick());
        lastTick = snapshot.tick();
    }

    /** The newest tick encoded, -1 before the first. */
    public long lastTick() {
        return lastTick;
    }

    public boolean encoded(long tick) {
        return ticks.contains(tick);
    }

    public List<String> threads() {
        return threads.stream().sorted().toList();
    }
}
