package org.jetraiders.bench.pipeline;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.Tuning;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.engine.sim.World;

/**
 * The baseline: the same flow on {@code java.util.concurrent}, written the way a careful team would
 * without the Disruptor.
 *
 * <ul>
 *   <li><b>In</b>: one {@link ArrayBlockingQueue} (4,096, as the lobby's input ring) of small immutable
 *       messages (join, input, tick). Publishers {@code offer} and never block.</li>
 *   <li><b>Game loop</b>: one thread {@code take}s messages in order (parking on the queue's condition,
 *       as the Disruptor's BlockingWaitStrategy parks on its monitor), applies inputs to the same
 *       {@link World}, and on a tick steps it and copies the state into a pooled {@link SnapshotEvent}
 *       (a round-robin pool of 64, the lobby's output-ring size; the same copy code as the engine).</li>
 *   <li><b>Out</b>: one bounded {@link ArrayBlockingQueue} (8, the lobby's {@code maxLagSnapshots})
 *       per client. The game loop offers the snapshot to every client queue (dropping that client's
 *       oldest when full: stale snapshots are skipped, as the engine does), then unparks the fan-out
 *       threads.</li>
 *   <li><b>Fan-out</b>: 2 threads (as many as the engine's shard pool), each owning every other client;
 *       each drains its clients' queues into their sinks and parks when a pass found nothing (unpark
 *       permits make a lost wake-up impossible).</li>
 * </ul>
 * Compared with the engine it has one thread hop fewer (no encoding stage) and no gating: a pooled
 * snapshot is reused 64 ticks later, while a client queue holds at most 8, which is safe here (one tick
 * in flight) but would need reference counts under a real backlog. Scoreboard, status cell and metrics
 * are left out. All of that favours the baseline slightly.
 */
final class QueueLatencyPipeline implements LatencyPipeline {
    private static final int POOL = 64;
    private static final int CLIENT_QUEUE = 8;
    private static final Object TICK = new Object();
    private static final Object STOP = new Object();

    private record Join(int playerId, String name) { }

    private record Input(int playerId, double thrust, double turn, boolean shoot, long inputSeq) { }

    private static final class Client {
        final ArrayBlockingQueue<SnapshotEvent> queue = new ArrayBlockingQueue<>(CLIENT_QUEUE);
        final ClientSink sink;
        long skipped;

        Client(ClientSink sink) {
            this.sink = sink;
        }
    }

    private final ArrayBlockingQueue<Object> input = new ArrayBlockingQueue<>(4096);
    private final World world;
    private final SnapshotEvent[] pool = new SnapshotEvent[POOL];
    private final AtomicInteger nextPlayerId = new AtomicInteger();
    private final Thread gameLoop;
    private final FanOut[] fanOuts;
    private volatile Client[] clients = new Client[0];
    private volatile boolean running = true;
    private long sequence;

    QueueLatencyPipeline(Tuning tuning, int tickRateHz, int maxPlayers, long seed, int fanOutThreads) {
        world = new World(tuning, tickRateHz, maxPlayers, seed);
        for (int i = 0; i < POOL; i++) {
            pool[i] = new SnapshotEvent(0);
        }
        fanOuts = new FanOut[fanOutThreads];
        for (int i = 0; i < fanOutThreads; i++) {
            fanOuts[i] = new FanOut("queues-fan-out-" + i);
            fanOuts[i].thread.start();
        }
        gameLoop = new Thread(this::runGameLoop, "queues-game-loop");
        gameLoop.setDaemon(true);
        gameLoop.start();
    }

    @Override
    public int join(String name) {
        int id = nextPlayerId.incrementAndGet();
        publish(new Join(id, name));
        return id;
    }

    @Override
    public synchronized void attach(ClientSink sink) {
        Client c = new Client(sink);
        FanOut least = fanOuts[0];
        for (FanOut f : fanOuts) {
            if (f.clients.length < least.clients.length) {
                least = f;
            }
        }
        least.clients = append(least.clients, c); // the fan-out thread sees it from its next pass
        clients = append(clients, c);
    }

    private static Client[] append(Client[] array, Client c) {
        Client[] copy = Arrays.copyOf(array, array.length + 1);
        copy[array.length] = c;
        return copy;
    }

    @Override
    public void submitInput(int playerId, double thrust, double turn, boolean shoot, long inputSeq) {
        publish(new Input(playerId, thrust, turn, shoot, inputSeq));
    }

    @Override
    public void tickNow() {
        publish(TICK);
    }

    private void publish(Object message) {
        if (!input.offer(message)) {
            throw new IllegalStateException("input queue full");
        }
    }

    private void runGameLoop() {
        try {
            while (true) {
                Object m = input.take();
                if (m == TICK) {
                    tick();
                } else if (m instanceof Input in) {
                    int slot = world.slotOf(in.playerId());
                    if (slot != World.NO_SLOT) {
                        world.setInput(slot, in.thrust(), in.turn(), in.shoot(), in.inputSeq());
                    }
                } else if (m instanceof Join j) {
                    world.addPlayer(j.playerId(), j.name());
                } else if (m == STOP) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tick() {
        world.step();
        SnapshotEvent snapshot = pool[(int) (sequence % POOL)];
        snapshot.copyFrom(world, sequence++, null);
        Client[] all = clients;
        for (Client c : all) {
            if (!c.queue.offer(snapshot)) {
                c.queue.poll(); // full: drop this client's oldest snapshot
                c.skipped++;
                c.queue.offer(snapshot);
            }
        }
        for (FanOut f : fanOuts) {
            LockSupport.unpark(f.thread);
        }
    }

    @Override
    public void close() {
        running = false;
        input.offer(STOP);
        try {
            gameLoop.join(1000);
            for (FanOut f : fanOuts) {
                LockSupport.unpark(f.thread);
                f.thread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class FanOut implements Runnable {
        final Thread thread;
        volatile Client[] clients = new Client[0];

        FanOut(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                boolean worked = false;
                for (Client c : clients) {
                    SnapshotEvent s;
                    while ((s = c.queue.poll()) != null) {
                        c.sink.onSnapshot(s);
                        worked = true;
                    }
                }
                if (!worked) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(10));
                }
            }
        }
    }
}
