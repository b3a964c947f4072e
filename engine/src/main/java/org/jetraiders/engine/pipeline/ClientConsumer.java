package org.jetraiders.engine.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.engine.DetachReason;
import org.jetraiders.engine.LobbyStatus;

/**
 * One client's consumer of a lobby's output ring, with its own {@link Sequence} gating the game
 * loop. It does not own a thread: a {@link ConsumerShard} polls it. Each poll delivers what the
 * encoding stage has finished, skipping stale snapshots when the sink is full or the consumer is more
 * than {@code maxLagSnapshots} behind, so it never holds the ring back for long.
 *
 * <p>Polled by one shard thread at a time; {@link #detach()} and the accessors are thread-safe.
 */
public final class ClientConsumer implements ClientSubscription {
    static final int IDLE = 0;
    static final int WORKED = 1;
    static final int DONE = 2;

    private static final System.Logger LOG = System.getLogger(ClientConsumer.class.getName());

    private final RingBuffer<SnapshotEvent> ring;
    private final Sequence upstream;
    private final Sequence sequence = new Sequence();
    private final ClientSink sink;
    private final LobbyPipelineState lobby;
    private final LobbyCounters counters;
    private final int maxLagSnapshots;
    private final long maxLagNanos;
    private final CountDownLatch detachedLatch = new CountDownLatch(1);
    private final AtomicReference<DetachReason> reason = new AtomicReference<>();

    private volatile boolean detachRequested;
    private volatile long delivered;
    private volatile long skipped;
    private volatile ConsumerShard host;

    // touched only by the polling thread
    private LobbyStatus lastStatus;
    private long pendingMissed;
    private long laggingSinceNanos;

    public ClientConsumer(RingBuffer<SnapshotEvent> ring, Sequence upstream, ClientSink sink,
                          LobbyPipelineState lobby, LobbyCounters counters, int maxLagSnapshots, Duration maxLagTime) {
        this.ring = ring;
        this.upstream = upstream;
        this.sink = sink;
        this.lobby = lobby;
        this.counters = counters;
        this.maxLagSnapshots = maxLagSnapshots;
        this.maxLagNanos = maxLagTime.toNanos();
    }

    /** Starts gating the ring from its current cursor. Must run before any shard polls this consumer. */
    public void register() {
        ring.addGatingSequences(sequence); // sets our sequence to the cursor: we start with the next snapshot
        counters.consumers.incrementAndGet();
    }

    void hostedBy(ConsumerShard shard) {
        this.host = shard;
    }

    /** One pass: deliver what is ready, or detect lag, detach and stop conditions. */
    int poll(long nowNanos) {
        if (reason.get() != null) {
            return DONE;
        }
        if (detachRequested) {
            finish(DetachReason.REQUESTED);
            return DONE;
        }
        long current = sequence.get();
        if (current >= lobby.finalSequence || lobby.forceStop) {
            finish(DetachReason.LOBBY_STOPPED);
            return DONE;
        }
        long available = upstream.get();
        if (available <= current) {
            return checkLagTimeout(nowNanos) ? DONE : IDLE;
        }
        long next = current + 1;
        if (available - current > maxLagSnapshots) {
            // Too far behind: everything but the newest is stale. Still report status changes in order.
            for (long s = next; s < available; s++) {
                noteStatus(ring.get(s));
                if (isCutOff()) {
                    return DONE;
                }
            }
            pendingMissed += available - next;
            counters.snapshotsSkipped.add(available - next);
            skipped += available - next;
            markLagging(nowNanos);
            next = available;
        }
        for (long s = next; s <= available; s++) {
            SnapshotEvent event = ring.get(s);
            noteStatus(event);
            if (isCutOff()) {
                return DONE;
            }
            if (!sink.canAccept()) {
                pendingMissed++;
                skipped++;
                counters.snapshotsSkipped.increment();
                markLagging(nowNanos);
                continue;
            }
            if (pendingMissed > 0) {
                sink.onLagged(pendingMissed);
                pendingMissed = 0;
                if (isCutOff()) {
                    return DONE;
                }
            }
            sink.onSnapshot(event);
            if (s == available && upstream.get() == available) {
                // Caught up, unless newer snapshots were published while the sink took this one: a sink
                // slower than the tick rate ends every pass behind again and skips again on the next,
                // so delivering what was newest when the pass began must not restart its lag clock.
                laggingSinceNanos = 0;
            }
            delivered++; // after the check: whoever sees this count knows the lag clock was looked at
            if (isCutOff()) {
                return DONE;
            }
        }
        sequence.set(available);
        return checkLagTimeout(nowNanos) ? DONE : WORKED;
    }

    /**
     * Whether the watchdog cut us off while we were in a sink call. Checked after EVERY sink call
     * (onStatus and onLagged too, not just onSnapshot): once cut off, our sequence no longer gates the
     * ring, so the slots we would go on reading may already hold newer ticks, and the sink must hear
     * nothing more but onDetached.
     */
    private boolean isCutOff() {
        ConsumerShard shard = host;
        return shard != null && shard.isAbandoned();
    }

    private void noteStatus(SnapshotEvent event) {
        LobbyStatus status = event.status();
        if (status != lastStatus && !status.equals(lastStatus)) {
            lastStatus = status;
            sink.onStatus(status);
        }
    }

    private void markLagging(long nowNanos) {
        if (laggingSinceNanos == 0) {
            laggingSinceNanos = nowNanos | 1; // never 0 while lagging
        }
    }

    private boolean checkLagTimeout(long nowNanos) {
        if (laggingSinceNanos != 0 && nowNanos - laggingSinceNanos > maxLagNanos) {
            finish(DetachReason.TOO_SLOW);
            return true;
        }
        return false;
    }

    /**
     * Polling thread: stop gating, tell the sink, then count it gone and release waiters. Both happen
     * only after onDetached returned, so whoever returns from {@link #awaitDetached}, or sees
     * {@code consumers()} drop (as {@code Lobby.stop} does), knows no sink call follows.
     */
    void finish(DetachReason why) {
        if (!claim(why)) {
            return;
        }
        try {
            sink.onDetached(why);
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "client sink failed in onDetached", t);
        } finally {
            counters.countDetached(why);
            detachedLatch.countDown();
        }
    }

    /**
     * Watchdog: stop gating, record the reason and release waiters, without calling the sink (it is
     * blocked; it hears onDetached when its call returns, see {@link #notifySinkAfterBlock}).
     */
    boolean release(DetachReason why) {
        if (!claim(why)) {
            return false;
        }
        counters.countDetached(why);
        detachedLatch.countDown();
        return true;
    }

    /** Exactly one caller wins; it stops our sequence from gating the ring. */
    private boolean claim(DetachReason why) {
        if (!reason.compareAndSet(null, why)) {
            return false;
        }
        ring.removeGatingSequence(sequence);
        return true;
    }

    /** After a blocked sink call finally returned on an abandoned thread: tell the sink it was cut off. */
    void notifySinkAfterBlock() {
        try {
            sink.onDetached(DetachReason.SINK_BLOCKED);
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "client sink failed in onDetached", t);
        }
    }

    void failed(Throwable t) {
        LOG.log(System.Logger.Level.WARNING, "client sink threw; detaching its consumer", t);
        finish(DetachReason.SINK_FAILED);
    }

    @Override
    public void detach() {
        detachRequested = true;
        ConsumerShard shard = host;
        if (shard != null) {
            shard.wake();
        }
    }

    @Override
    public boolean awaitDetached(Duration timeout) throws InterruptedException {
        return detachedLatch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean isAttached() {
        return reason.get() == null;
    }

    @Override
    public DetachReason detachReason() {
        return reason.get();
    }

    @Override
    public long snapshotsDelivered() {
        return delivered;
    }

    @Override
    public long snapshotsSkipped() {
        return skipped;
    }
}
