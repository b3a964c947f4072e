package org.jetraiders.engine.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Snapshot;

/**
 * A {@link RecordingSink} whose n-th {@code onSnapshot} (or the {@code onStatus} of a given phase)
 * blocks until {@link #release()}: a client whose socket write hangs. Tests release it in a finally
 * block so the abandoned thread can end.
 */
public final class BlockingSink extends RecordingSink {
    private final int blockOnSnapshot;
    private final LobbyStatus.Phase blockOnStatus;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String blockedThread;
    private int snapshotCalls;

    private BlockingSink(int blockOnSnapshot, LobbyStatus.Phase blockOnStatus) {
        this.blockOnSnapshot = blockOnSnapshot;
        this.blockOnStatus = blockOnStatus;
    }

    /** Blocks inside its {@code n}-th onSnapshot call (1-based), after recording it. */
    public static BlockingSink onSnapshot(int n) {
        return new BlockingSink(n, null);
    }

    /** Blocks inside the first onStatus call of that phase, after recording it. */
    public static BlockingSink onStatus(LobbyStatus.Phase phase) {
        return new BlockingSink(-1, phase);
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        super.onSnapshot(snapshot);
        if (++snapshotCalls == blockOnSnapshot) {
            block();
        }
    }

    @Override
    public void onStatus(LobbyStatus status) {
        super.onStatus(status);
        if (status.phase() == blockOnStatus && entered.getCount() > 0) {
            block();
        }
    }

    private void block() {
        blockedThread = Thread.currentThread().getName();
        entered.countDown();
        boolean interrupted = false;
        while (true) {
            try {
                release.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // a hung socket does not care either
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a call is blocked in this sink. */
    public void awaitBlocked() throws InterruptedException {
        if (!entered.await(Await.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the sink never blocked; recorded " + this);
        }
    }

    public boolean isBlocked() {
        return entered.getCount() == 0 && release.getCount() > 0;
    }

    /** Name of the thread that blocked in this sink (null before it did). */
    public String blockedThread() {
        return blockedThread;
    }

    public void release() {
        release.countDown();
    }
}
