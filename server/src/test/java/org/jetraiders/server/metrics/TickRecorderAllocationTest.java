package org.jetraiders.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jetraiders.engine.InputResult;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.LobbyMetrics;
import org.jetraiders.engine.TickObserver;
import org.jetraiders.server.support.FakeLobbyMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the server hangs on every game loop (the tick-time histogram and the health window) allocates
 * nothing per tick in steady state: measured with the JVM's per-thread allocation counter, on the
 * calling thread and on a real lobby's game-loop thread.
 */
@Timeout(60)
class TickRecorderAllocationTest {
    private static final long PERIOD = TimeUnit.SECONDS.toNanos(1) / 60;
    private static final int TICKS_PER_WINDOW = 6_000; // 100 s of game time: the window's ring turns over

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static void assumeAllocationCounting() {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
    }

    @Test
    void shouldRecordTicksWithoutAllocating() {
        assumeAllocationCounting();
        TickRecorder recorder = new TickRecorder(new ServerMetrics().tickDurations(), new RecentTicks());
        FakeLobbyMetrics lobby = new FakeLobbyMetrics();
        lobby.lastTickNanos = TimeUnit.HOURS.toNanos(1);

        long[] windows = new long[8];
        for (int w = -20; w < windows.length; w++) { // 20 windows of warm-up for the JIT
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < TICKS_PER_WINDOW; i++) {
                lobby.ticks++;
                lobby.lateTicks += i & 1;
                lobby.lastTickNanos += PERIOD;
                recorder.onTick(lobby, 20_000 + 97L * (i % 1000)); // 20 µs to 117 µs: several buckets
            }
            if (w >= 0) {
                windows[w] = THREADS.getCurrentThreadAllocatedBytes() - before;
            }
        }

        // the JIT may allocate a little while it settles; a per-tick allocation shows in every window
        assertTrue(Arrays.stream(windows).anyMatch(b -> b == 0),
                "bytes per " + TICKS_PER_WINDOW + " ticks: " + Arrays.toString(windows));
    }

    /** The whole game-loop tick (engine and server observer) on the lobby's own game-loop thread. */
    @Test
    void shouldRunTheGameLoopWithTheServersObserverWithoutAllocating() {
        assumeAllocationCounting();
        ServerMetrics metrics = new ServerMetrics();
        ThreadCapturingObserver observer = new ThreadCapturingObserver(
                new TickRecorder(metrics.tickDurations(), new RecentTicks()));
        Lobby lobby = Lobby.create(LobbyConfig.builder().name("alloc").autoTick(false)
                .maxLagTime(Duration.ofHours(1)).sinkBlockTimeout(Duration.ofHours(1))
                .tickObserver(observer).build());
        lobby.start();
        try {
            for (int p = 0; p < 16; p++) {
                lobby.submitInput(lobby.join("pilot-" + p), 1, 0.3, true, 1);
            }
            long[] windows = new long[8];
            for (int w = -10; w < windows.length; w++) {
                tick(lobby, 1_000); // the previous window's ticks are all stepped: the thread is idle
                long before = THREADS.getThreadAllocatedBytes(observer.threadId);
                tick(lobby, 1_000);
                if (w >= 0) {
                    windows[w] = THREADS.getThreadAllocatedBytes(observer.threadId) - before;
                }
            }

            assertTrue(Arrays.stream(windows).anyMatch(b -> b == 0),
                    "bytes per 1,000 ticks on the game-loop thread: " + Arrays.toString(windows));
            assertEquals(lobby.metrics().ticks(), metrics.tickDurations().count(), "every tick observed");
        } finally {
            lobby.stop();
        }
    }

    /** Publishes {@code n} ticks and waits until the game loop has stepped and observed them all. */
    private static void tick(Lobby lobby, int n) {
        long target = lobby.metrics().ticks() + n;
        for (int i = 0; i < n; i++) {
            InputResult r = lobby.tickNow();
            if (r != InputResult.ACCEPTED) {
                throw new AssertionError("tickNow returned " + r);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (lobby.metrics().ticks() < target) {
            assertTrue(System.nanoTime() < deadline, "game loop stuck at tick " + lobby.metrics().ticks());
            LockSupport.parkNanos(200_000);
        }
    }

    /** Remembers which thread runs the game loop (the first call's); passes every tick on. */
    private static final class ThreadCapturingObserver implements TickObserver {
        private final TickObserver delegate;
        volatile long threadId = -1;

        ThreadCapturingObserver(TickObserver delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onTick(LobbyMetrics lobby, long durationNanos) {
            if (threadId < 0) {
                threadId = Thread.currentThread().getId();
            }
            delegate.onTick(lobby, durationNanos);
        }
    }
}
