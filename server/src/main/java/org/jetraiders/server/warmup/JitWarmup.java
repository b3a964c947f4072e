package org.jetraiders.server.warmup;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import org.jetraiders.server.transport.InboundWarmup;

/**
 * Gets the JIT compiler's work done before the first player joins instead of while players play.
 *
 * <p>HotSpot compiles a method with its optimising compiler (C2) only after it has run thousands of
 * times. The server's per-message code gets there within a second of load, but its per-tick and rarer
 * paths (a lobby's encoders run 60 times a second, the scoreboard's body once a second, the JSON
 * parser only for Pings, Joins and inputs the fast path declines) take seconds to minutes, and then
 * compile — 0.4 s of C2 time in the load generator's 20-second window after a 5-second warm-up, a
 * tenth of the server's CPU in that window — while hundreds of clients are being served on two cores.
 * So {@link org.jetraiders.server.ServerMain} runs them here first, as trading systems do before the
 * market opens: a private {@link BattleWarmup} battle through the simulation and every encoder, a private
 * {@link PipelineWarmup} lobby through the rings, the game loop, the client consumers and the journal,
 * and {@link InboundWarmup} through the parsers, then waits (bounded) for the compiler to go quiet.
 *
 * <p>Main thread, once per process, before the ports open; {@code --warm-up false} skips it. An
 * embedding application decides for itself (it may call {@link #run}).
 */
public final class JitWarmup {
    /** Ticks of the warm-up battle: 16 players' frames each, so every per-client path runs ~10^5 times. */
    public static final int TICKS = 6_000;
    /** Rounds of client messages through the parsers. */
    public static final int MESSAGE_ROUNDS = 20_000;
    private static final long SETTLE_POLL_MILLIS = 100;
    private static final int QUIET_POLLS = 3;
    private static final long SETTLE_LIMIT_MILLIS = 3_000;

    /**
     * What the warm-up did.
     *
     * @param ticks        ticks the battle stepped
     * @param frames       client frames encoded (JSON and binary)
     * @param pipelineTicks ticks of the {@link PipelineWarmup} lobbies, all together (rings, game loop, consumers, journal)
     * @param messages     client messages parsed cleanly
     * @param runMillis    time spent running the code
     * @param settleMillis time then spent waiting for the compiler to go quiet
     * @param settled      false when it was still compiling at the wait's limit
     */
    public record Report(int ticks, long frames, long pipelineTicks, long messages, long runMillis, long settleMillis,
                         boolean settled) {
    }

    private JitWarmup() {
    }

    /** Runs the default amounts at {@code tickRateHz} and waits for the compiler. */
    public static Report run(int tickRateHz) {
        return run(tickRateHz, TICKS, MESSAGE_ROUNDS, true);
    }

    static Report run(int tickRateHz, int ticks, int messageRounds, boolean awaitCompiler) {
        long start = System.nanoTime();
        BattleWarmup battle = new BattleWarmup(tickRateHz);
        battle.run(ticks);
        // half the battle's ticks in each of the pipeline's lobbies: every per-tick path runs ~10^4 times
        PipelineWarmup.Result pipeline = PipelineWarmup.run(tickRateHz, ticks / 2);
        long messages = InboundWarmup.run(messageRounds);
        long ran = System.nanoTime();
        boolean settled = !awaitCompiler || awaitQuietCompiler();
        long end = System.nanoTime();
        long frames = battle.jsonFrames + battle.binaryFullFrames() + battle.binaryDeltaFrames();
        return new Report(ticks, frames, pipeline.ticks(), messages, (ran - start) / 1_000_000, (end - ran) / 1_000_000, settled);
    }

    /**
     * Waits until the JVM's total compilation time has not moved for {@code QUIET_POLLS} polls (what
     * the warm-up queued has been compiled), at most {@code SETTLE_LIMIT_MILLIS}.
     */
    private static boolean awaitQuietCompiler() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return true;
        }
        long deadline = System.nanoTime() + SETTLE_LIMIT_MILLIS * 1_000_000;
        long last = compiler.getTotalCompilationTime();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(SETTLE_POLL_MILLIS); // polling a JVM counter: there is nothing to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            long now = compiler.getTotalCompilationTime();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
            if (quiet >= QUIET_POLLS) {
                return true;
            }
        }
        return false;
    }
}
