package org.jetraiders.server;

import java.util.function.BiConsumer;

/**
 * Lets G1's periodic collection run only while nobody is connected.
 *
 * <p>Why: {@link MemoryTuning} asks G1 for a concurrent cycle after a minute without a collection, so
 * that a server whose players have left gives its unused heap back to the OS. But a busy server that
 * allocates little also goes a minute without one: at 1,024 clients, once the young generation had
 * grown, that cycle came every 60 s during play (young pauses of 41.6 and 38.4 ms, a 10.5-ms remark,
 * the late beats of a 60-s window in steady state; BENCHMARKS.md, thirteenth session), a pause every
 * player feels, taken only to free memory the server is about to use again. So the interval is set to
 * 0 (off) while any socket is open and back to its idle value when the last one closes; G1 then runs
 * the cycle once the server has been a minute without a collection, as before. With
 * {@code -XX:AutoBoxCacheMax=65536} (README) a 1,024-client server otherwise collects only every ~156 s,
 * so during play the periodic cycle was most of its pauses.
 *
 * <p>The price is memory, and it is why this is off by default ({@code --idle-periodic-collection true}
 * turns it on): the periodic cycle also keeps the young generation small at low allocation rates.
 * Without it, at 256 clients G1 let the young generation grow for as long as the session lasted, and
 * resident memory passed 200 MiB after about 13 minutes (BENCHMARKS.md, thirteenth session). It suits a
 * server with memory to spare that wants the fewest pauses.
 *
 * <p>Thread: the memory housekeeping thread ({@code jr-native-trim}) calls {@link #update} every few
 * seconds; the flag is written only when the state changes.
 */
final class IdleCollectionGate {
    static final String FLAG = "G1PeriodicGCInterval";
    static final String OFF = "0";

    private final String idleInterval;
    private final BiConsumer<String, String> setFlag;
    private int state = -1; // -1 not yet set, 0 busy, 1 idle

    /**
     * @param idleIntervalMillis the interval while idle ({@link MemoryTuning#SETTINGS}' value)
     * @param setFlag            writes a manageable VM flag (HotSpotDiagnosticMXBean::setVMOption)
     */
    IdleCollectionGate(String idleIntervalMillis, BiConsumer<String, String> setFlag) {
        this.idleInterval = idleIntervalMillis;
        this.setFlag = setFlag;
    }

    /** Turns the periodic collection off while {@code openSockets > 0}, on at zero. */
    void update(int openSockets) {
        int now = openSockets > 0 ? 0 : 1;
        if (now != state) {
            setFlag.accept(FLAG, now == 1 ? idleInterval : OFF);
            state = now;
        }
    }

    /** Whether the periodic collection is on, as last set. */
    boolean periodicCollectionOn() {
        return state == 1;
    }
}
