package org.jetraiders.server.it.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.Snapshot;

/**
 * What the server's simulation holds for each alive plane, read from the lobby's own snapshot stream
 * (a sink attached inside the server, next to the connections' ones): the server-side effect of a
 * client's inputs, to await in a test. Keeps the last {@link #KEPT_TICKS} ticks, so a test can compare
 * what a client rebuilt for a tick with what the server had at that tick.
 */
public final class PlaneWatch implements ClientSink, AutoCloseable {
    static final int KEPT_TICKS = 600;

    /** One plane at one tick, as the simulation has it. */
    public record PlaneState(long tick, int id, double x, double y, double rot, int hp, long lastInputSeq) {
    }

    private final Map<Long, Map<Integer, PlaneState>> byTick = new ConcurrentHashMap<>();
    private final Map<Integer, PlaneState> latest = new ConcurrentHashMap<>();
    private volatile ClientSubscription subscription;

    private PlaneWatch() {
    }

    public static PlaneWatch attach(Lobby lobby) {
        PlaneWatch watch = new PlaneWatch();
        watch.subscription = lobby.attach(watch);
        return watch;
    }

    @Override
    public void onSnapshot(Snapshot s) {
        Map<Integer, PlaneState> planes = new ConcurrentHashMap<>();
        for (int i = 0; i < s.planeCount(); i++) {
            if (s.planeAlive(i)) {
                PlaneState p = new PlaneState(s.tick(), s.planeId(i), s.planeX(i), s.planeY(i), s.planeRot(i),
                        s.planeHp(i), s.planeLastInputSeq(i));
                planes.put(p.id(), p);
                latest.put(p.id(), p);
            }
        }
        byTick.put(s.tick(), planes);
        byTick.remove(s.tick() - KEPT_TICKS);
    }

    /** The plane's latest state, or null while it is not alive. */
    public PlaneState latest(int id) {
        return latest.get(id);
    }

    /** The plane's state at {@code tick}, or null if it was not alive then or the tick is no longer kept. */
    public PlaneState at(long tick, int id) {
        Map<Integer, PlaneState> planes = byTick.get(tick);
        return planes == null ? null : planes.get(id);
    }

    /** Waits until the server's latest state of plane {@code id} satisfies {@code condition}; returns it. */
    public PlaneState await(String what, int id, Predicate<PlaneState> condition) throws InterruptedException {
        ServerFixture.awaitCondition(what + " (server side, plane " + id + ")", () -> {
            PlaneState p = latest.get(id);
            return p != null && condition.test(p);
        });
        return latest.get(id);
    }

    /** Waits until some plane's latest state satisfies {@code condition}; returns that state. */
    public PlaneState awaitAny(String what, Predicate<PlaneState> condition) throws InterruptedException {
        PlaneState[] found = new PlaneState[1];
        ServerFixture.awaitCondition(what + " (server side)", () -> {
            for (PlaneState p : latest.values()) {
                if (condition.test(p)) {
                    found[0] = p;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Override
    public void close() {
        ClientSubscription s = subscription;
        if (s != null) {
            s.detach();
        }
    }
}
