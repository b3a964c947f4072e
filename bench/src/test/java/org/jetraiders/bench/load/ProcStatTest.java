package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            """;

    @Test
    void shouldSumUserAndSystemTicksCountingFieldsAfterTheLastParenthesis() {
        assertEquals(1234 + 567, ProcStat.cpuTicks(STAT));
    }

    @Test
    void shouldReadPeakAndCurrentRssInKib() {
        assertEquals(524288, ProcStat.peakRssKib(STATUS));
        assertEquals(262144, ProcStat.rssKib(STATUS));
        assertEquals(-1, ProcStat.peakRssKib("Name:\tkthreadd\n"));
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
