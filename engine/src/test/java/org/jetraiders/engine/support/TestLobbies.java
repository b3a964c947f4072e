package org.jetraiders.engine.support;

import java.time.Duration;
import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.engine.InputResult;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;

/** Lobby set-up shared by the pipeline tests. */
public final class TestLobbies {
    /** Longer than any test runs: a watchdog set to this never fires. */
    public static final Duration NEVER = Duration.ofHours(1);

    private TestLobbies() {
    }

    /**
     * A lobby driven by {@link Lobby#tickNow()} only, with a roomy output ring. Neither watchdog is the
     * subject of the tests that use it, so neither may fire on a stalled machine: a thread descheduled
     * for a second inside a poll must not get a healthy sink cut off ({@code sinkBlockTimeout}), nor may
     * a sink a test keeps full on purpose be detached ({@code maxLagTime}). Tests of those cut-offs set
     * their own values.
     */
    public static LobbyConfig.Builder manual(String name) {
        return LobbyConfig.builder().name(name).autoTick(false).outputRingSize(256).maxLagSnapshots(200)
                .maxLagTime(NEVER).sinkBlockTimeout(NEVER);
    }

    /** Publishes {@code n} ticks and waits until the game loop has stepped them all. */
    public static long tick(Lobby lobby, int n) {
        long target = lobby.tick() + n;
        for (int i = 0; i < n; i++) {
            InputResult r = lobby.tickNow();
            if (r != InputResult.ACCEPTED) {
                throw new AssertionError("tickNow returned " + r);
            }
        }
        Await.until(() -> lobby.tick() >= target, () -> "game loop to reach tick " + target + ", at " + lobby.tick());
        return target;
    }

    /**
     * Publishes one tick, checks that its snapshot went into the output ring (was not dropped for a
     * full ring) and waits until every given sink has received it: sinks paced this way never fall
     * behind, so they never skip.
     */
    public static long tickAndAwait(Lobby lobby, RecordingSink... sinks) throws InterruptedException {
        long published = lobby.metrics().snapshotsPublished();
        long t = tick(lobby, 1);
        // the game loop counts the snapshot before it makes the tick visible
        if (lobby.metrics().snapshotsPublished() != published + 1) {
            throw new AssertionError("the snapshot of tick " + t + " was not published; dropped (ring full) so far: "
                    + lobby.metrics().snapshotsDroppedRingFull());
        }
        for (RecordingSink sink : sinks) {
            sink.awaitTick(t);
        }
        return t;
    }

    /**
     * Waits until the consumer has finished with every snapshot its sink recorded. It counts a delivery
     * only after the sink's call returned and it checked whether it is caught up (which restarts its
     * lag clock), so a tick published after this cannot make that check see it still behind.
     */
    public static void awaitDeliveriesCounted(ClientSubscription sub, RecordingSink sink) {
        Await.until(() -> sub.snapshotsDelivered() == sink.snapshots().size(),
                () -> sub.snapshotsDelivered() + " deliveries counted, " + sink.snapshots().size() + " recorded");
    }
}
