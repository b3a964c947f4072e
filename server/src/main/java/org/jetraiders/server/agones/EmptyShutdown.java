package org.jetraiders.server.agones;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --agones-shutdown-when-empty}: once the GameServer has been Allocated, and then has had no
 * players for the configured time, asks Agones to shut it down (Agones then sends SIGTERM, and the
 * server drains as on any SIGTERM). A server never allocated is left alone: it is the fleet's
 * buffer. Asks once; a failed call is retried on the next check. Runs on the Agones thread.
 */
final class EmptyShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(EmptyShutdown.class);
    static final String CALL = "shutdown";

    private final SdkClient sdk;
    private final AgonesThread thread;
    private final FailureLog failures;
    private final long afterNanos;
    private final LongSupplier nanoTime;
    private boolean allocated;
    private boolean emptyClockRunning;
    private long emptySinceNanos;
    private boolean requested;

    /**
     * @param after how long without players; zero disables this entirely
     */
    EmptyShutdown(SdkClient sdk, AgonesThread thread, FailureLog failures, Duration after, LongSupplier nanoTime) {
        this.sdk = sdk;
        this.thread = thread;
        this.failures = failures;
        this.afterNanos = after.toNanos();
        this.nanoTime = nanoTime;
    }

    void onGameServer(GameServerView view) {
        if (view.allocated() && !allocated) {
            allocated = true;
            if (afterNanos > 0) {
                LOG.info("Agones: GameServer Allocated; it shuts down after {} s without players",
                        Duration.ofNanos(afterNanos).toSeconds());
            }
        }
    }

    /** Called each sync round with the current number of players. */
    void check(int players) {
        if (afterNanos <= 0 || !allocated || requested) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (players > 0) {
            emptyClockRunning = false;
            return;
        }
        if (!emptyClockRunning) {
            emptyClockRunning = true;
            emptySinceNanos = now;
        }
        if (now - emptySinceNanos < afterNanos) {
            return;
        }
        requested = true;
        LOG.info("Agones: no players for {} s since allocation; asking Agones to shut this server down",
                Duration.ofNanos(afterNanos).toSeconds());
        sdk.shutdown().whenCompleteAsync((ok, error) -> {
            if (error == null) {
                failures.succeeded(CALL);
            } else {
                failures.failed(CALL, error);
                requested = false; // ask again next round
            }
        }, thread);
    }
}
