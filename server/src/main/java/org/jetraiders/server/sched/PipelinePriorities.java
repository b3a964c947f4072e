package org.jetraiders.server.sched;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jetraiders.engine.PipelineThreadHook;
import org.jetraiders.engine.PipelineThreadRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the game-loop and encoding threads, as they start, the real-time priority of
 * {@code --game-loop-rt-priority} (SCHED_FIFO) and the nice value of {@code --game-loop-nice}; client
 * threads keep the default. The nice value is what they run at where real time is refused (or turned
 * off with 0). Each role's outcome is logged once and reported to listeners (the metrics), as the
 * priority and the nice value its threads run at.
 *
 * <p>Thread-safe: {@link #started} runs on every pipeline thread as it starts.
 */
public final class PipelinePriorities implements PipelineThreadHook {
    private static final Logger LOG = LoggerFactory.getLogger(PipelinePriorities.class);

    private final int nice;
    private final int fifoPriority;
    /** The native calls; null when nothing is asked (nice 0) or there are none. */
    private final ThreadNice natives;
    /** The real-time calls; null when nothing is asked (priority 0) or there are none. */
    private final ThreadFifo fifo;
    private final ReportedNice reported;
    private final ReportedFifo reportedFifo;
    /** The roles that get the priorities, each with whether its first thread has reported (and logged) them. */
    private final Map<PipelineThreadRole, AtomicBoolean> firstReported = new EnumMap<>(PipelineThreadRole.class);

    /** Where native calls come from: {@link NativeNice#load()}, {@link NativeFifo#load()}, or a test's fake. */
    @FunctionalInterface
    interface NativeSource<T> {
        /** @throws UnsupportedOperationException where there are none */
        T load();
    }

    /**
     * @param nice         the nice value for the game-loop and encoding threads, -20 to 19; 0 leaves
     *                     their nice value as it is and makes no native call for it
     * @param fifoPriority their SCHED_FIFO priority, 0 to 99; 0 leaves their policy as it is
     * @param reported     told, once per role, the nice value that role's threads run at
     * @param reportedFifo told, once per role, the SCHED_FIFO priority that role's threads run at (0: none)
     */
    public PipelinePriorities(int nice, int fifoPriority, ReportedNice reported, ReportedFifo reportedFifo) {
        this(nice, fifoPriority, reported, reportedFifo, NativeNice::load, NativeFifo::load);
    }

    PipelinePriorities(int nice, ReportedNice reported, NativeSource<ThreadNice> natives) {
        this(nice, 0, reported, (role, priority) -> { }, natives, () -> {
            throw new AssertionError("no real-time priority was asked");
        });
    }

    PipelinePriorities(int nice, int fifoPriority, ReportedNice reported, ReportedFifo reportedFifo,
                       NativeSource<ThreadNice> natives, NativeSource<ThreadFifo> fifoNatives) {
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice must be -20 to 19, was " + nice);
        }
        if (fifoPriority < 0 || fifoPriority > 99) {
            throw new IllegalArgumentException("the real-time priority must be 0 to 99, was " + fifoPriority);
        }
        this.nice = nice;
        this.fifoPriority = fifoPriority;
        this.natives = nice == 0 ? null : loadOrNull(natives, "priority");
        this.fifo = fifoPriority == 0 ? null : loadOrNull(fifoNatives, "policy");
        this.reported = reported;
        this.reportedFifo = reportedFifo;
        firstReported.put(PipelineThreadRole.GAME_LOOP, new AtomicBoolean());
        firstReported.put(PipelineThreadRole.ENCODER, new AtomicBoolean());
    }

    /** Told the nice value a role's threads run at. */
    @FunctionalInterface
    public interface ReportedNice {
        void runsAt(PipelineThreadRole role, int nice);
    }

    /** Told the SCHED_FIFO priority a role's threads run at (0: the default policy). */
    @FunctionalInterface
    public interface ReportedFifo {
        void runsAt(PipelineThreadRole role, int priority);
    }

    @Override
    public void started(PipelineThreadRole role) {
        AtomicBoolean reportedYet = firstReported.get(role);
        if (reportedYet == null) {
            return; // client threads
        }
        // every thread sets its own priorities; the role's first thread reports and logs them
        boolean first = reportedYet.compareAndSet(false, true);
        if (fifo != null) {
            startFifo(role, first);
        }
        if (natives != null) {
            startNice(role, first);
        }
    }

    private void startNice(PipelineThreadRole role, boolean first) {
        String failure = natives.setCallingThread(nice);
        int now = natives.callingThread();
        if (first) {
            reported.runsAt(role, now);
            String threads = threadsOf(role);
            if (failure == null) {
                LOG.info("{} threads run at nice {} (--game-loop-nice)", threads, now);
            } else {
                LOG.warn("could not give the {} threads nice {}: {}; they run at nice {}, and a busy machine may "
                        + "make ticks late. --game-loop-nice 0 stops asking", threads, nice, failure, now);
            }
        }
    }

    private void startFifo(PipelineThreadRole role, boolean first) {
        String failure = fifo.setCallingThread(fifoPriority);
        int now = fifo.callingThread();
        if (first) {
            reportedFifo.runsAt(role, now);
            String threads = threadsOf(role);
            if (failure == null) {
                LOG.info("{} threads run in real time, SCHED_FIFO priority {} (--game-loop-rt-priority)", threads, now);
            } else {
                LOG.warn("could not run the {} threads in real time (SCHED_FIFO {}): {}; they run at the default policy "
                        + "with their nice value. --game-loop-rt-priority 0 stops asking", threads, fifoPriority, failure);
            }
        }
    }

    private static String threadsOf(PipelineThreadRole role) {
        return role == PipelineThreadRole.GAME_LOOP ? "game-loop" : "encoding";
    }

    /** The native calls, or null (logged: the threads keep the default {@code what}) where there are none. */
    private static <T> T loadOrNull(NativeSource<T> source, String what) {
        try {
            return source.load();
        } catch (UnsupportedOperationException e) {
            LOG.info("the game-loop threads run at the default {}: {}", what, e.getMessage());
            return null;
        }
    }
}
