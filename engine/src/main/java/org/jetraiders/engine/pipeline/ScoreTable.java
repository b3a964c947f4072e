package org.jetraiders.engine.pipeline;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jetraiders.engine.PlayerScore;
import org.jetraiders.engine.sim.World;

/**
 * The lobby's scoreboard for readers on other threads, written by the game loop into pre-allocated
 * arrays under a sequence lock: the writer allocates nothing, readers copy and retry if a write
 * overlapped their read. Readers allocate the list they get.
 */
final class ScoreTable {
    private final AtomicLong version = new AtomicLong();
    private final int[] ids;
    private final int[] kills;
    private final int[] deaths;
    private final String[] names;
    private int count;

    ScoreTable(int capacity) {
        ids = new int[capacity];
        kills = new int[capacity];
        deaths = new int[capacity];
        names = new String[capacity];
    }

    /** Game loop only. */
    void write(World world) {
        version.incrementAndGet(); // odd: a write is in progress
        VarHandle.storeStoreFence();
        int n = 0;
        for (int slot = 0, cap = world.slotCapacity(); slot < cap && n < ids.length; slot++) {
            if (world.isActive(slot)) {
                ids[n] = world.playerId(slot);
                kills[n] = world.kills(slot);
                deaths[n] = world.deaths(slot);
                names[n] = world.playerName(slot);
                n++;
            }
        }
        for (int i = n; i < count; i++) {
            names[i] = null;
        }
        count = n;
        version.incrementAndGet(); // even again: consistent
    }

    /** Any thread: a consistent copy. */
    List<PlayerScore> read() {
        while (true) {
            long before = version.get();
            if ((before & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            int n = Math.min(count, ids.length);
            List<PlayerScore> scores = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                scores.add(new PlayerScore(ids[i], names[i], kills[i], deaths[i]));
            }
            VarHandle.loadLoadFence();
            if (version.get() == before) {
                return List.copyOf(scores);
            }
        }
    }
}
