package org.jetraiders.engine.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.DetachReason;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Snapshot;

/**
 * A {@link ClientSink} that records every call in order: snapshots (copied out, since the view is
 * reused), lag notices, status changes and detaches, plus the names of the threads that called it.
 * Tests wait on it with {@link #await}; {@link #setAccepting} drives {@code canAccept()}.
 *
 * <p>Thread-safe: the pool calls it from one thread at a time, tests read it from another.
 */
public class RecordingSink implements ClientSink {
    public enum Kind { SNAPSHOT, LAGGED, STATUS, DETACHED }

    /** One recorded call, and the thread that made it; only the field matching {@link #kind} is set. */
    public record Entry(Kind kind, SnapshotCopy snapshot, long missed, LobbyStatus status, DetachReason reason,
                        String thread) {
        @Override
        public String toString() {
            return switch (kind) {
                case SNAPSHOT -> "S" + snapshot.tick;
                case LAGGED -> "Lagged(" + missed + ")";
                case STATUS -> "Status(" + status + ")";
                case DETACHED -> "Detached(" + reason + ")";
            };
        }
    }

    private final int encoderCount;
    private final List<Entry> log = new ArrayList<>();
    private volatile boolean accepting = true;
    private volatile long canAcceptCalls;

    public RecordingSink() {
        this(0);
    }

    /** @param encoderCount how many encoders' bytes to copy from each snapshot */
    public RecordingSink(int encoderCount) {
        this.encoderCount = encoderCount;
    }

    public void setAccepting(boolean accepting) {
        this.accepting = accepting;
    }

    @Override
    public boolean canAccept() {
        canAcceptCalls++;
        return accepting;
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        record(new Entry(Kind.SNAPSHOT, new SnapshotCopy(snapshot, encoderCount), 0, null, null, caller()));
    }

    @Override
    public void onLagged(long missed) {
        record(new Entry(Kind.LAGGED, null, missed, null, null, caller()));
    }

    @Override
    public void onStatus(LobbyStatus status) {
        record(new Entry(Kind.STATUS, null, 0, status, null, caller()));
    }

    @Override
    public void onDetached(DetachReason reason) {
        record(new Entry(Kind.DETACHED, null, 0, null, reason, caller()));
    }

    private static String caller() {
        return Thread.currentThread().getName();
    }

    protected final synchronized void record(Entry e) {
        log.add(e);
        notifyAll();
    }

    // ---- queries ----

    public synchronized List<Entry> entries() {
        return List.copyOf(log);
    }

    public synchronized List<SnapshotCopy> snapshots() {
        return log.stream().filter(e -> e.kind == Kind.SNAPSHOT).map(Entry::snapshot).collect(Collectors.toList());
    }

    public List<Long> ticks() {
        return snapshots().stream().map(s -> s.tick).collect(Collectors.toList());
    }

    public synchronized List<Long> lagNotices() {
        return log.stream().filter(e -> e.kind == Kind.LAGGED).map(Entry::missed).collect(Collectors.toList());
    }

    public synchronized List<LobbyStatus> statuses() {
        return log.stream().filter(e -> e.kind == Kind.STATUS).map(Entry::status).collect(Collectors.toList());
    }

    public synchronized List<DetachReason> detaches() {
        return log.stream().filter(e -> e.kind == Kind.DETACHED).map(Entry::reason).collect(Collectors.toList());
    }

    /** The newest snapshot received, or null. */
    public synchronized SnapshotCopy last() {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).kind == Kind.SNAPSHOT) {
                return log.get(i).snapshot;
            }
        }
        return null;
    }

    /** Names of the threads that called this sink, in the order they first did. */
    public synchronized List<String> threads() {
        return log.stream().map(Entry::thread).distinct().collect(Collectors.toList());
    }

    /** The thread that delivered the snapshot of this tick, or null if none did. */
    public synchronized String threadOfTick(long tick) {
        return log.stream().filter(e -> e.kind == Kind.SNAPSHOT && e.snapshot.tick == tick).map(Entry::thread)
                .findFirst().orElse(null);
    }

    public synchronized long lastTick() {
        SnapshotCopy s = last();
        return s == null ? -1 : s.tick;
    }

    public long canAcceptCalls() {
        return canAcceptCalls;
    }

    // ---- waiting ----

    /** Waits until the recorded log satisfies {@code condition}; fails the test after {@code timeout}. */
    public synchronized void await(Predicate<List<Entry>> condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(log)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; recorded " + summary(log));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    public void awaitTick(long tick) throws InterruptedException {
        await(l -> l.stream().anyMatch(e -> e.kind == Kind.SNAPSHOT && e.snapshot.tick >= tick), Await.LONG,
                "a snapshot of tick >= " + tick);
    }

    public void awaitSnapshots(int count) throws InterruptedException {
        await(l -> l.stream().filter(e -> e.kind == Kind.SNAPSHOT).count() >= count, Await.LONG,
                count + " snapshots");
    }

    public void awaitDetached() throws InterruptedException {
        await(l -> l.stream().anyMatch(e -> e.kind == Kind.DETACHED), Await.LONG, "onDetached");
    }

    private static String summary(List<Entry> log) {
        if (log.size() <= 40) {
            return log.toString();
        }
        return log.subList(0, 20) + " ... " + log.subList(log.size() - 20, log.size()) + " (" + log.size() + " calls)";
    }

    @Override
    public synchronized String toString() {
        return summary(log);
    }
}
