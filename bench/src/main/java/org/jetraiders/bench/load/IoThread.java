package org.jetraiders.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One selector thread of the load generator. It owns a share of the connections ({@link WsConnection})
 * and does everything for them: connects, handshakes, reads and parses frames (the clients' callbacks
 * run here), writes, pongs, closes, and the connect and close timeouts. Its {@link InputTimer} writes
 * the owned clients' inputs at their 60 Hz deadlines from this same loop, so a client costs no thread.
 *
 * <p>The loop: run the tasks other threads queued ({@link #execute}: connect and close requests),
 * send the inputs that are due, handle I/O in {@code select} until the next input deadline, then
 * (every 50 ms, after the I/O so that an answer already received counts) check timeouts. {@code select} waits in whole milliseconds, so the last sub-millisecond stretch
 * is a {@code parkNanos} followed by {@code selectNow}; input deadlines are kept to within about 0.1 ms.
 * The selector's allocation-free {@code select(Consumer, timeout)} is used, and buffers and encoder
 * are reused, so a steady run allocates only for probes' JSON snapshots and rare messages.
 *
 * <p>Threading: {@link #execute} and {@link #stop} may be called from any thread; everything else runs
 * on this thread.
 */
final class IoThread implements Runnable {

    static final long HOUSEKEEPING_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    /** An idle loop (no timer) still wakes this often. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Connections that have been asked to connect and are not closed yet; this thread only. */
    private final List<WsConnection> connections = new ArrayList<>();
    private final WsFrameEncoder encoder;
    private final SplittableRandom random;
    private final Consumer<SelectionKey> onReady = IoThread::dispatch;
    private InputTimer timer;
    private volatile boolean running = true;

    IoThread(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        SecureRandom seed = new SecureRandom();
        encoder = new WsFrameEncoder(seed.nextLong());
        random = new SplittableRandom(seed.nextLong());
        thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    /** Starts the loop; {@code inputs} (may be null) sends the owned clients' inputs. */
    void start(InputTimer inputs) {
        this.timer = inputs; // published to the new thread by Thread.start
        thread.start();
    }

    /** Any thread: runs {@code task} on this thread soon. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Any thread: stops the loop, drops the connections still open and waits up to {@code millis}. */
    void stop(long millis) throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(millis);
    }

    String name() {
        return thread.getName();
    }

    Selector selector() {
        return selector;
    }

    WsFrameEncoder encoder() {
        return encoder;
    }

    SplittableRandom random() {
        return random;
    }

    /** A connection started connecting: watch its timeouts until it closes. */
    void track(WsConnection c) {
        connections.add(c);
    }

    @Override
    public void run() {
        long nextHousekeeping = System.nanoTime() + HOUSEKEEPING_NANOS;
        try {
            while (running) {
                runTasks();
                long now = System.nanoTime();
                long next = timer == null ? now + IDLE_NANOS : timer.runDue(now);
                waitUntil(next - nextHousekeeping > 0 ? nextHousekeeping : next);
                now = System.nanoTime();
                // after the I/O: a late thread must not time out a connection whose answer is already waiting
                if (now - nextHousekeeping >= 0) {
                    housekeeping(now);
                    nextHousekeeping = now + HOUSEKEEPING_NANOS;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name() + ": selector failed", e);
        } finally {
            for (WsConnection c : new ArrayList<>(connections)) {
                c.abort("load generator stopped");
            }
            connections.clear();
            try {
                selector.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.err.println(name() + ": task failed: " + e);
            }
        }
    }

    private void housekeeping(long now) {
        for (int i = 0; i < connections.size(); i++) {
            connections.get(i).checkTimeouts(now);
        }
        connections.removeIf(c -> c.state() == WsConnection.State.CLOSED);
    }

    /** Handles I/O until {@code deadline} (or a wakeup), to within about 0.1 ms. */
    private void waitUntil(long deadline) throws IOException {
        long wait = deadline - System.nanoTime();
        if (wait >= MILLI) {
            selector.select(onReady, wait / MILLI);
        } else if (wait > 0) {
            LockSupport.parkNanos(wait);
            selector.selectNow(onReady);
        } else {
            selector.selectNow(onReady);
        }
    }

    private static void dispatch(SelectionKey k) {
        if (k.isValid()) {
            ((WsConnection) k.attachment()).onReady(k);
        }
    }
}
