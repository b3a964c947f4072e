package org.jetraiders.engine.pipeline;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jetraiders.engine.DetachReason;

/**
 * One thread hosting many {@link ClientConsumer}s, or the {@link EncodingStage}s of many lobbies: it
 * polls each in turn and parks when none had work until it is signalled (by a game-loop shard for
 * encoding stages, by the encoding stage for client consumers). An encoding stage that finished a
 * snapshot wakes its client threads. Hosting consumers on a few shard threads instead of
 * a thread each is what keeps 500+ clients affordable on 2 cores (see the package doc).
 *
 * <p>Cut-off protocol with {@link ConsumerShards}' watchdog: {@code callState} holds the start time of
 * the consumer poll in progress, 0 between polls, or {@link #ABANDONED}. Both sides move it only with
 * CAS, so exactly one of them wins: either the poll ends normally, or the watchdog declares the thread
 * stuck, moves the other consumers to a fresh shard and this thread exits as soon as its call returns.
 */
final class ConsumerShard extends PassThread {
    private static final long ABANDONED = -1;
    /** How long an idle shard parks before looking again (lag timeouts are checked then). */
    static final long DEFAULT_IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Queue<ClientConsumer> incoming;
    private final Queue<EncodingStage> incomingStages;
    private final AtomicLong callState = new AtomicLong();
    final AtomicInteger load;
    private final long epochNanos;

    private ClientConsumer[] consumers;
    private int count;
    private EncodingStage[] stages;
    private int stageCount;
    private volatile ClientConsumer current;

    private final long idleParkNanos;

    ConsumerShard(String threadName, long epochNanos, long idleParkNanos, Runnable onStart) {
        this(threadName, epochNanos, idleParkNanos, onStart, new ConcurrentLinkedQueue<>(),
                new ConcurrentLinkedQueue<>(), new ClientConsumer[16], 0, new EncodingStage[4], 0, new AtomicInteger());
    }

    private ConsumerShard(String threadName, long epochNanos, long idleParkNanos, Runnable onStart,
                          Queue<ClientConsumer> incoming, Queue<EncodingStage> incomingStages,
                          ClientConsumer[] consumers, int count, EncodingStage[] stages, int stageCount,
                          AtomicInteger load) {
        super(threadName, onStart);
        this.epochNanos = epochNanos;
        this.idleParkNanos = idleParkNanos;
        this.incoming = incoming;
        this.incomingStages = incomingStages;
        this.consumers = consumers;
        this.count = count;
        this.stages = stages;
        this.stageCount = stageCount;
        this.load = load;
    }

    void add(ClientConsumer consumer) {
        consumer.hostedBy(this);
        load.incrementAndGet();
        incoming.add(consumer);
        wake();
    }

    void addStage(EncodingStage stage) {
        load.incrementAndGet();
        incomingStages.add(stage);
        wake();
    }

    boolean isAbandoned() {
        return callState.get() == ABANDONED;
    }

    /** Watchdog: nanos the current poll has been running, or -1 when none is. */
    long callAgeNanos(long nowNanos) {
        long started = callState.get();
        return started > 0 ? (nowNanos - epochNanos + 1) - started : -1;
    }

    /**
     * Watchdog: if the poll that started at {@code observedAge} ago is still the one in progress,
     * abandon this shard and return the consumer stuck in it; otherwise null.
     */
    ClientConsumer abandonIfStuck(long nowNanos, long timeoutNanos) {
        long started = callState.get();
        if (started <= 0 || (nowNanos - epochNanos + 1) - started <= timeoutNanos) {
            return null;
        }
        ClientConsumer stuck = current; // written before the CAS that set 'started'
        return callState.compareAndSet(started, ABANDONED) ? stuck : null;
    }

    /** Watchdog, after a successful abandon: a fresh shard taking over every consumer but the stuck one. */
    ConsumerShard successor(String name, ClientConsumer stuck) {
        ClientConsumer[] rest = new ClientConsumer[Math.max(16, consumers.length)];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (consumers[i] != stuck) {
                rest[n++] = consumers[i];
            }
        }
        load.decrementAndGet();
        ConsumerShard next = new ConsumerShard(name, epochNanos, idleParkNanos, onStart(), incoming, incomingStages, rest, n,
                Arrays.copyOf(stages, stages.length), stageCount, load);
        for (int i = 0; i < n; i++) {
            rest[i].hostedBy(next);
        }
        return next;
    }

    @Override
    public void run() {
        while (isRunning()) {
            if (!pass()) {
                return; // abandoned: a successor serves our consumers now
            }
        }
        releaseAll();
    }

    /**
     * One pass over this shard's stages and consumers; false when the watchdog abandoned us meanwhile.
     * A method of its own rather than the body of {@link #run}'s loop: the JIT compiles a hot method
     * within a second of load, while the endless loop would only be compiled on-stack once its back
     * edges add up, seconds later and on a busy machine (~0.1 s of C2 time among live clients).
     */
    private boolean pass() {
        beginPass();
        drainIncoming();
        boolean worked = runStages();
        // One clock read per pass, renewed only after a consumer did work: most polls find nothing new
        // (a pass runs after every lobby's encoding, so ~16 per tick) and return in nanoseconds,
        // while two clock reads per poll cost more than the poll (~2 % of a core at 256 clients).
        // A stamp can thus be late by a run of empty polls, microseconds against the watchdog's second.
        long now = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ClientConsumer consumer = consumers[i];
            current = consumer;
            long started = now - epochNanos + 1;
            if (!callState.compareAndSet(0, started)) {
                return false; // abandoned between polls
            }
            int result;
            try {
                result = consumer.poll(now);
            } catch (Throwable t) {
                consumer.failed(t);
                result = ClientConsumer.DONE;
            }
            if (!callState.compareAndSet(started, 0)) {
                consumer.notifySinkAfterBlock(); // the watchdog gave up on us; others moved on
                return false;
            }
            if (result == ClientConsumer.DONE) {
                removeAt(i);
                i--;
                now = System.nanoTime(); // a detach may have called its sink
            } else if (result == ClientConsumer.WORKED) {
                worked = true;
                now = System.nanoTime();
            }
        }
        current = null;
        if (!worked) {
            parkUnlessWoken(idleParkNanos);
        }
        return true;
    }

    /** Encodes what the game loops published for the lobbies whose stage lives here; true if any did. */
    private boolean runStages() {
        boolean worked = false;
        for (int i = 0; i < stageCount; i++) {
            EncodingStage stage = stages[i];
            int result = stage.poll();
            if (result == ClientConsumer.DONE) {
                stages[i] = stages[--stageCount];
                stages[stageCount] = null;
                load.decrementAndGet();
                i--;
            } else if (result == ClientConsumer.WORKED) {
                worked = true;
                // Wake the client threads after EVERY stage that finished a snapshot, not once per pass:
                // a client thread that went idle between two lobbies' encodings would otherwise sleep
                // through the later ones for its whole idle park (that cost up to 10 ms of latency).
                // Waking a thread that is already running costs next to nothing.
                stage.downstream().signalAll();
            }
        }
        return worked;
    }

    private void drainIncoming() {
        EncodingStage stage;
        while ((stage = incomingStages.poll()) != null) {
            if (stageCount == stages.length) {
                stages = Arrays.copyOf(stages, stageCount * 2);
            }
            stages[stageCount++] = stage;
        }
        ClientConsumer c;
        while ((c = incoming.poll()) != null) {
            // The queue is shared with our predecessor: a consumer added to it while the watchdog was
            // replacing that shard still names it as host, and would read the abandoned flag as its
            // own cut-off after its first snapshot (dropping out without releasing its sequence).
            c.hostedBy(this);
            if (count == consumers.length) {
                consumers = Arrays.copyOf(consumers, count * 2);
            }
            consumers[count++] = c;
        }
    }

    private void removeAt(int i) {
        consumers[i] = consumers[--count];
        consumers[count] = null;
        load.decrementAndGet();
    }

    /** Shard stopping with consumers still attached (pool closed before its lobbies). */
    private void releaseAll() {
        drainIncoming();
        for (int i = 0; i < count; i++) {
            consumers[i].finish(DetachReason.LOBBY_STOPPED);
            consumers[i] = null;
        }
        count = 0;
    }
}
