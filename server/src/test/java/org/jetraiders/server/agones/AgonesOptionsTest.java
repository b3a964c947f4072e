package org.jetraiders.server.agones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.jetraiders.server.config.ServerOptions;
import org.junit.jupiter.api.Test;

/** The Agones flags, their JR_* variables, AGONES_SDK_HTTP_PORT and their defaults. */
class AgonesOptionsTest {
    @Test
    void shouldBeOffByDefaultWithEveryTimerAtItsDefault() throws Exception {
        AgonesSettings agones = ServerOptions.parse(new String[0], Map.of()).config().agones();

        assertEquals(AgonesSettings.defaults(), agones);
        assertFalse(agones.enabled());
        assertEquals(9358, agones.sdkPort());
        assertEquals(Duration.ofSeconds(2), agones.healthPeriod());
        assertEquals(Duration.ZERO, agones.shutdownWhenEmpty(), "shutdown-when-empty is off by default");
    }

    @Test
    void shouldTakeEveryAgonesFlag() throws Exception {
        AgonesSettings agones = ServerOptions.parse(new String[] {"--agones", "true", "--agones-sdk-port", "9400",
                "--agones-health-millis", "1500", "--agones-sync-millis", "250", "--agones-shutdown-when-empty", "30",
                "--agones-timeout-millis", "900", "--agones-retry-max-millis", "8000"}, Map.of()).config().agones();

        assertEquals(new AgonesSettings(true, 9400, Duration.ofMillis(1500), Duration.ofMillis(250),
                Duration.ofSeconds(30), Duration.ofMillis(900), Duration.ofSeconds(8)), agones);
    }

    @Test
    void shouldReadTheSdkPortAgonesSetsAndLetOurOwnVariableWin() throws Exception {
        assertEquals(9777, ServerOptions.parse(new String[0], Map.of("JR_AGONES", "true", "AGONES_SDK_HTTP_PORT", "9777"))
                .config().agones().sdkPort());
        assertTrue(ServerOptions.parse(new String[0], Map.of("JR_AGONES", "true")).config().agones().enabled());
        assertEquals(9001, ServerOptions.parse(new String[0],
                Map.of("AGONES_SDK_HTTP_PORT", "9777", "JR_AGONES_SDK_PORT", "9001")).config().agones().sdkPort());
    }

    @Test
    void shouldRefuseAHealthPeriodOutsideItsRangeNamingTheFlag() {
        ServerOptions.UsageException e = assertThrows(ServerOptions.UsageException.class,
                () -> ServerOptions.parse(new String[] {"--agones-health-millis", "10"}, Map.of()));

        assertTrue(e.getMessage().contains("agones-health-millis"), e::getMessage);
    }

    @Test
    void shouldListTheAgonesFlagsInHelp() {
        String help = ServerOptions.help();

        for (String flag : new String[] {"--agones ", "--agones-sdk-port", "--agones-health-millis", "--agones-sync-millis",
                "--agones-shutdown-when-empty", "--agones-timeout-millis", "--agones-retry-max-millis"}) {
            assertTrue(help.contains(flag), flag);
        }
        assertTrue(help.contains("JR_AGONES_SHUTDOWN_WHEN_EMPTY"));
    }
}
