package org.jetraiders.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTuningTest {
    private static final HotSpotDiagnosticMXBean HOTSPOT = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void shouldLeaveTheHeapAloneWhenTheOperatorSetAnyHeapFlag() {
        String before = HOTSPOT.getVMOption("MaxHeapFreeRatio").getValue();
        for (String flag : List.of("-Xmx256m", "-Xms64m", "-XX:MaxHeapFreeRatio=50", "-XX:MaxRAMPercentage=25")) {
            assertFalse(MemoryTuning.apply(List.of("-Dfoo=bar", flag)), flag);
            assertEquals(before, HOTSPOT.getVMOption("MaxHeapFreeRatio").getValue(), "unchanged after " + flag);
        }
    }

    @Test
    void shouldLetG1GiveUnusedHeapBackWhenNoHeapFlagIsSet() {
        assertTrue(MemoryTuning.apply(List.of("-Dfoo=bar", "-XX:+UseG1GC")));
        for (String[] setting : MemoryTuning.SETTINGS) {
            assertEquals(setting[1], HOTSPOT.getVMOption(setting[0]).getValue(), setting[0]);
        }
    }

    @Test
    void shouldTrimTheNativeHeapWhereTheJvmHasTheCommandAndNeverThrow() {
        boolean jvmHasIt = Runtime.version().feature() > 17
                || Runtime.version().feature() == 17 && Runtime.version().update() >= 9;
        assertEquals(jvmHasIt, MemoryTuning.trimNativeHeap(), "JDK " + Runtime.version());
        assertEquals(jvmHasIt, MemoryTuning.trimNativeHeap(), "again");
    }

    @Test
    void shouldTrimOnADaemonThreadThatStopsWhenInterruptedWhereTheJvmHasTheCommand() throws InterruptedException {
        Thread trimmer = MemoryTuning.startHousekeeping(10, null);
        boolean jvmHasIt = Runtime.version().feature() > 17
                || Runtime.version().feature() == 17 && Runtime.version().update() >= 9;
        if (!jvmHasIt) {
            assertEquals(null, trimmer, "no thread where there is nothing to call");
            return;
        }
        assertTrue(trimmer.isDaemon(), "never keeps the JVM alive");
        assertEquals("jr-native-trim", trimmer.getName());
        assertTrue(trimmer.isAlive());
        trimmer.interrupt();
        trimmer.join(10_000);
        assertFalse(trimmer.isAlive(), "stops when interrupted");
        assertEquals(null, MemoryTuning.startHousekeeping(0, () -> 0), "a period of 0 turns it off");
    }

    @Test
    void shouldTurnG1sPeriodicCollectionOffWhileSocketsAreOpenAndBackOnWhenTheLastCloses() throws InterruptedException {
        assertTrue(MemoryTuning.apply(List.of()));
        java.util.concurrent.atomic.AtomicInteger sockets = new java.util.concurrent.atomic.AtomicInteger(3);
        Thread housekeeper = MemoryTuning.startHousekeeping(5, sockets::get);
        try {
            awaitFlag(IdleCollectionGate.OFF, "while 3 sockets are open");
            sockets.set(0);
            awaitFlag(MemoryTuning.IDLE_PERIODIC_INTERVAL, "once none is open");
            sockets.set(1);
            awaitFlag(IdleCollectionGate.OFF, "when a player comes back");
        } finally {
            housekeeper.interrupt();
            housekeeper.join(10_000);
            HOTSPOT.setVMOption(IdleCollectionGate.FLAG, MemoryTuning.IDLE_PERIODIC_INTERVAL);
        }
    }

    /** The housekeeping thread sets the flag on its own schedule: wait for it, up to 10 s. */
    private static void awaitFlag(String expected, String when) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!expected.equals(HOTSPOT.getVMOption(IdleCollectionGate.FLAG).getValue()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, HOTSPOT.getVMOption(IdleCollectionGate.FLAG).getValue(), when);
    }
}
