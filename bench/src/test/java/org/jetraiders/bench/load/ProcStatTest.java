package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    // A real /proc/<pid>/stat line with a command name holding spaces and parentheses;
    // utime (field 14) = 1234, stime (field 15) = 567.
    private static final String STAT = "4242 (java (jr) srv) S 1 4242 4242 0 -1 4194560 9000 0 12 0 1234 567 "
            + "0 0 20 0 42 0 3000 5000000000 120000 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0";

    private static final String STATUS = """
            Name:\tjava
            State:\tS (sleeping)
            VmPeak:\t 6000000 kB
            VmHWM:\t  524288 kB
            VmRSS:\t  262144 kB
            Threads:\t42
            voluntary_ctxt_switches:\t1500
            nonvoluntary_ctxt_switches:\t37
            """;

    @Test
    void shouldSumUserAndSystemTicksCountingFieldsAfterTheLastParenthesis() {
        assertEquals(1234 + 567, ProcStat.cpuTicks(STAT));
    }

    @Test
    void shouldReadTheStartTimeInTicksAfterBootCountingFieldsAfterTheLastParenthesis() {
        assertEquals(3000, ProcStat.startTicks(STAT));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.startTicks("4242 (java) S 1 2 3"));
    }

    @Test
    void shouldReadTheSecondsSinceBootFromProcUptime() {
        assertEquals(12345.67, ProcStat.secondsSinceBoot("12345.67 24000.00\n"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.secondsSinceBoot("up a while"));
    }

    @Test
    void shouldMeasureThisProcessesUptimeFromProcAsAtLeastTheJvmsOwn() {
        double jvmSeconds = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        double processSeconds = ProcSampler.forSelf().uptimeSeconds();
        // the process starts before the VM does; /proc counts in 10-ms clock ticks
        assertTrue(processSeconds >= jvmSeconds - 0.02 && processSeconds < jvmSeconds + 60,
                "process " + processSeconds + " s, JVM " + jvmSeconds + " s");
    }

    @Test
    void shouldReadPeakAndCurrentRssInKib() {
        assertEquals(524288, ProcStat.peakRssKib(STATUS));
        assertEquals(262144, ProcStat.rssKib(STATUS));
        assertEquals(-1, ProcStat.peakRssKib("Name:\tkthreadd\n"));
    }

    @Test
    void shouldReadThreadsAndContextSwitches() {
        assertEquals(42, ProcStat.threads(STATUS));
        assertEquals(1500, ProcStat.voluntarySwitches(STATUS));
        assertEquals(37, ProcStat.involuntarySwitches(STATUS));
        assertEquals(-1, ProcStat.threads("Name:\tx\n"));
    }

    @Test
    void shouldSumContextSwitchesPerThreadCountingNewThreadsInFull() {
        TaskSwitches before = TaskSwitches.of(Map.of("1", new long[] {100, 10}, "2", new long[] {50, 5},
                "3", new long[] {1_000, 1_000}));
        // thread 3 ended (its counts are lost), thread 4 started
        TaskSwitches after = TaskSwitches.of(Map.of("1", new long[] {160, 12}, "2", new long[] {50, 5},
                "4", new long[] {7, 1}));
        assertArrayEquals(new long[] {67, 3}, after.since(before));
        assertArrayEquals(new long[] {-1, -1}, after.since(TaskSwitches.UNAVAILABLE));
    }

    @Test
    void shouldSampleOwnThreadsAndContextSwitches() {
        ProcSampler self = ProcSampler.forSelf();
        assertTrue(self.threads() > 1);
        TaskSwitches first = self.taskSwitches();
        assertTrue(first.available());
        assertTrue(self.taskSwitches().since(first)[0] >= 0);
    }

    @Test
    void shouldRejectMalformedStatLines() {
        assertThrows(IllegalArgumentException.class, () -> ProcStat.cpuTicks("garbage"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.cpuTicks("1 (x) S 1 2"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.cpuTicks("1 (x) S 1 2 3 4 5 6 7 8 9 10 u s"));
    }

    @Test
    void shouldExpressCpuAsPercentOfOneCore() {
        assertEquals(150.0, ProcSampler.cpuPercent(1_000_000_000L, 2_500_000_000L, 1_000_000_000L), 1e-9);
        assertEquals(-1.0, ProcSampler.cpuPercent(-1, 5, 10));
    }

    @Test
    void shouldSampleOwnProcess() {
        ProcSampler self = ProcSampler.forSelf();
        assertTrue(self.cpuNanos() > 0);
        assertTrue(self.peakRssKib() > 0);
    }
}
