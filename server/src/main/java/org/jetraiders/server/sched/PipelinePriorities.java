package org.jetraiders.server.sched;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jetraiders.engine.PipelineThreadHook;
import org.jetraiders.engine.PipelineThreadRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the game-loop and encoding threads the nice value of {@code --game-loop-nice} as they start;
 * client threads keep the default. Each role's outcome is logged once and reported to a listener (the
 * metrics), as the nice value its threads run at.
 *
 * <p>Thread-safe: {@link #started} runs on every pipeline thread as it starts.
 */
public final class PipelinePriorities implements PipelineThreadHook {
    private static final Logger LOG = LoggerFactory.getLogger(PipelinePriorities.class);

    private final int nice;
    /** The native calls; null when nothing is asked (nice 0) or there are none. */
    private final ThreadNice natives;
    private final ReportedNice reported;
    /** The roles that get the nice value, each with whether its first thread has reported. */
    private final Map<PipelineThreadRole, AtomicBoolean> firstReported = new EnumMap<>(PipelineThreadRole.class);

    /** Where the native calls come from: {@link NativeNice#load()}, or a test's fake. */
    @FunctionalInterface
    interface NativeNiceSource {
        /** @throws UnsupportedOperationException where there are none */
        ThreadNice load();
    }

    /**
     * @param nice     the nice value for the game-loop and encoding threads, -20 to 19; 0 leaves every
     *                 thread as it is and makes no native call
     * @param reported told, once per role, the nice value that role's threads run at
     */
    public PipelinePriorities(int nice, ReportedNice reported) {
        this(nice, reported, NativeNice::load);
    }

    PipelinePriorities(int nice, ReportedNice reported, NativeNiceSource natives) {
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice must be -20 to 19, was " + nice);
        }
        this.nice = nice;
        this.natives = nice == 0 ? null : load(natives);
        this.reported = reported;
        firstReported.put(PipelineThreadRole.GAME_LOOP, new AtomicBoolean());
        firstReported.put(PipelineThreadRole.ENCODER, new AtomicBoolean());
    }

    /** Told the nice value a role's threads run at. */
    @FunctionalInterface
    public interface ReportedNice {
        void runsAt(PipelineThreadRole role, int nice);
    }

    @Override
    public void started(PipelineThreadRole role) {
        AtomicBoolean first = firstReported.get(role);
        if (first == null || natives == null) {
            return; // client threads, nothing asked, or no native calls
        }
        String failure = natives.setCallingThread(nice);
        int now = natives.callingThread();
        if (first.compareAndSet(false, true)) {
            reported.runsAt(role, now);
            String threads = role == PipelineThreadRole.GAME_LOOP ? "game-loop" : "encoding";
            if (failure == null) {
                LOG.info("{} threads run at nice {} (--game-loop-nice)", threads, now);
            } else {
                LOG.warn("could not give the {} threads nice {}: {}; they run at nice {}, and a busy machine may "
                        + "make ticks late. --game-loop-nice 0 stops asking", threads, nice, failure, now);
            }
        }
    }

    /** The native calls, or null (logged) where there are none. */
    private static ThreadNice load(NativeNiceSource source) {
        try {
            return source.load();
        } catch (UnsupportedOperationException e) {
            LOG.info("the game-loop threads run at the default priority: {}", e.getMessage());
            return null;
        }
    }
}
