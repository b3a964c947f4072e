package org.jetraiders.engine;

import java.time.Duration;

/** Handle of one client consumer attached to a lobby. Thread-safe. */
public interface ClientSubscription {
    /** Asks the consumer to stop; the sink gets {@link ClientSink#onDetached} with {@link DetachReason#REQUESTED}. */
    void detach();

    /** Waits until the consumer has stopped; true if it did within the timeout. */
    boolean awaitDetached(Duration timeout) throws InterruptedException;

    boolean isAttached();

    /** Why the consumer stopped, or null while it runs. */
    DetachReason detachReason();

    /** Snapshots handed to the sink. */
    long snapshotsDelivered();

    /** Snapshots skipped (sink full or too far behind). */
    long snapshotsSkipped();
}
