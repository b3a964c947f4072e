package org.jetraiders.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a plain {@code java -jar} server's resident memory near what it uses.
 *
 * <p>With no heap flags on a machine with plenty of RAM, G1 commits a heap of 1/64 of RAM at start
 * (388 MB here) and may grow it; over minutes the young generation moves through more and more of
 * those regions, so resident memory creeps up although the live heap is flat: the 256-client soak went
 * from 200 to 231 MB in the five minutes after its warm-up, with 472 MB committed for ~45 MB of old
 * generation. G1 gives committed memory it does not need back to the OS after a concurrent cycle,
 * down to {@code MaxHeapFreeRatio} free (JEP 346), and runs such a cycle when it has been idle for
 * {@code G1PeriodicGCInterval}. All three are manageable flags, so the server sets them through
 * {@link HotSpotDiagnosticMXBean} at start: a cycle after a minute without a collection (with
 * {@code --idle-periodic-collection true}, only while nobody is connected: {@link IdleCollectionGate}), the heap grown
 * only when less than 10 % is free after a collection, and given back down to 70 % free (G1's own
 * default; {@link ServerMain} also collects once after start-up, which takes the heap from ~200 MB to
 * ~60 MB before any player).
 *
 * <p>Why 70 % and not less: the free part of the heap is where G1 places its young generation. With at
 * most 30 % free, a 1,024-client server (~100 MB live) shrank its heap to 152 MB after each concurrent
 * cycle, which left ~12 MB of young generation: a young collection every 5 s and a concurrent cycle
 * every 10 s, each pause over half a tick a late beat of every lobby. With 70 %, in five alternating
 * pairs of 1,024-client runs, one run instead of three had late ticks in the measured 20 s, with 0-1
 * young collections there instead of 1-2 (plus remarks). The price is resident memory at 256 clients:
 * 153-166 MB against 146-153 MB in two 9-minute soaks side by side, and a plateau of ~171 MB after 11
 * minutes in a longer soak of this setting alone. BENCHMARKS.md, 2026-12-01 third session.
 *
 * <p>An operator who sets any heap flag of their own ({@code -Xmx},
 * {@code -XX:MaxHeapFreeRatio}, ...) keeps exactly what they set; {@code --return-unused-memory false}
 * turns this off.
 *
 * <p>Called once by {@link ServerMain} on the main thread; an embedding application tunes its own JVM.
 */
final class MemoryTuning {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryTuning.class);
    /** Flags the operator may have set; any of them means "leave the heap alone". */
    private static final List<String> OPERATOR_HEAP_FLAGS = List.of("-Xmx", "-Xms", "-XX:MaxHeapSize", "-XX:InitialHeapSize",
            "-XX:MinHeapFreeRatio", "-XX:MaxHeapFreeRatio", "-XX:G1PeriodicGCInterval", "-XX:MaxRAMPercentage",
            "-XX:SoftMaxHeapSize");
    /** G1's periodic collection while nobody is connected (see {@link IdleCollectionGate}): after a minute. */
    static final String IDLE_PERIODIC_INTERVAL = "60000";
    // order matters: MinHeapFreeRatio must not exceed MaxHeapFreeRatio at any moment
    static final List<String[]> SETTINGS = List.of(
            new String[] {"MinHeapFreeRatio", "10"},
            new String[] {"MaxHeapFreeRatio", "70"},
            new String[] {IdleCollectionGate.FLAG, IDLE_PERIODIC_INTERVAL});

    private MemoryTuning() {
    }

    /** Applies the settings unless {@code jvmArguments} hold a heap flag; true if it applied them. */
    static boolean apply(List<String> jvmArguments) {
        for (String argument : jvmArguments) {
            for (String flag : OPERATOR_HEAP_FLAGS) {
                if (argument.startsWith(flag)) {
                    LOG.info("heap flags given ({}): G1 left as configured", argument);
                    return false;
                }
            }
        }
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            for (String[] setting : SETTINGS) {
                hotSpot.setVMOption(setting[0], setting[1]);
            }
            return true;
        } catch (IllegalArgumentException | SecurityException e) {
            LOG.info("could not tune the heap to give memory back ({}); running with the JVM's defaults", e.toString());
            return false;
        }
    }

    /**
     * Every {@code periodMillis}, on a daemon thread, {@code jr-native-trim}, for as long as the JVM
     * runs: trims the native heap (what JDK 21's {@code -XX:TrimNativeHeapInterval} does, which a plain
     * {@code java -jar} cannot set) and, when {@code openSockets} is given, lets G1's periodic collection
     * run only while it is 0 ({@link IdleCollectionGate}). The JIT compiler's arenas and G1's remembered
     * sets are freed in bursts, and glibc keeps what they freed: at 256 clients 22 MB came back from one
     * trim 14 s into the load. Nothing on the game's threads mallocs, so the arena locks a trim takes are
     * never theirs. Returns the thread, or null when there is nothing to do (a period of 0, or no trim
     * command and no gate).
     */
    static Thread startHousekeeping(long periodMillis, IntSupplier openSockets) {
        boolean trims = periodMillis > 0 && trimNativeHeap();
        IdleCollectionGate gate = periodMillis > 0 && openSockets != null
                ? new IdleCollectionGate(IDLE_PERIODIC_INTERVAL, MemoryTuning::setFlag) : null;
        if (!trims && gate == null) {
            return null;
        }
        Thread housekeeper = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    if (gate != null) {
                        gate.update(openSockets.getAsInt());
                    }
                    Thread.sleep(periodMillis);
                    if (trims) {
                        trimNativeHeap();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "jr-native-trim");
        housekeeper.setDaemon(true);
        housekeeper.setPriority(Thread.MIN_PRIORITY);
        housekeeper.start();
        return housekeeper;
    }

    private static void setFlag(String name, String value) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).setVMOption(name, value);
        } catch (IllegalArgumentException | SecurityException e) {
            LOG.debug("could not set {}={}: {}", name, value, e.toString());
        }
    }

    /**
     * Hands the C library's free native memory back to the OS ({@code jcmd System.trim_native_heap},
     * JDK 17.0.9 and later): the JIT compiler's arenas from the warm-up stay resident in glibc's free
     * lists otherwise (7 MB here after start-up). Best effort: false where the command does not exist.
     */
    static boolean trimNativeHeap() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", new Object[] {null}, new String[] {String[].class.getName()});
            LOG.debug("native heap trim: {}", out);
            return true;
        } catch (javax.management.JMException | RuntimeException e) {
            LOG.debug("native heap trim not available: {}", e.toString());
            return false;
        }
    }
}
