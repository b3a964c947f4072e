package org.jetraiders.server.protocol.binary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryBandwidthReportTest {
    @Test
    void shouldKeepDeltaUnderTenKilobytesPerSecondFor16PlanesAnd200Projectiles() {
        BinaryBandwidthReport report = BinaryBandwidthReport.run();
        System.out.println(report.table());
        assertTrue(report.projectilesInFlight >= 180, "scenario: " + report.projectilesInFlight + " projectiles");
        int delta3 = 4; // "acks 3 ticks late"
        assertTrue(report.labels[delta3].contains("3 ticks"));
        assertTrue(report.wireBytesPerSecond[delta3] <= 10_000, report.table());
        for (int r = 1; r < 4; r++) {
            assertTrue(report.payloadBytesPerSecond[r] < report.payloadBytesPerSecond[r - 1], "each step saves bytes");
        }
    }
}
