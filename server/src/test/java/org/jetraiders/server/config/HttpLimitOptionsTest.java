package org.jetraiders.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP side's limits: each has a flag and a {@code JR_*} variable, is validated and listed in --help. */
class HttpLimitOptionsTest {
    private static final String[] FLAGS = {"http-request-timeout-seconds", "http-idle-timeout-seconds",
            "http-max-connections", "http-max-header-bytes", "http-max-body-bytes", "http-threads"};

    @Test
    void shouldSetEveryHttpLimitFromItsFlag() throws Exception {
        ServerConfig config = ServerOptions.parse(new String[] {"--http-request-timeout-seconds", "3",
                "--http-idle-timeout-seconds=7", "--http-max-connections", "64", "--http-max-header-bytes", "4096",
                "--http-max-body-bytes", "2048", "--http-threads", "3"}, Map.of()).config();

        assertEquals(Duration.ofSeconds(3), config.httpRequestTimeout());
        assertEquals(Duration.ofSeconds(7), config.httpIdleTimeout());
        assertEquals(64, config.httpMaxConnections());
        assertEquals(4096, config.httpMaxHeaderBytes());
        assertEquals(2048, config.httpMaxBodyBytes());
        assertEquals(3, config.httpThreads());
    }

    @Test
    void shouldSetHttpLimitsFromTheEnvironmentWithFlagsWinning() throws Exception {
        ServerConfig config = ServerOptions.parse(new String[] {"--http-max-connections", "32"},
                Map.of("JR_HTTP_REQUEST_TIMEOUT_SECONDS", "4", "JR_HTTP_MAX_CONNECTIONS", "16")).config();

        assertEquals(Duration.ofSeconds(4), config.httpRequestTimeout());
        assertEquals(32, config.httpMaxConnections());
    }

    @Test
    void shouldRefuseHttpLimitsOutOfRange() {
        for (String[] args : new String[][] {{"--http-request-timeout-seconds", "0"}, {"--http-idle-timeout-seconds", "-1"},
                {"--http-max-connections", "0"}, {"--http-max-header-bytes", "100"}, {"--http-max-body-bytes", "10"},
                {"--http-threads", "0"}}) {
            assertThrows(ServerOptions.UsageException.class, () -> ServerOptions.parse(args, Map.of()), args[0]);
        }
    }

    @Test
    void shouldListEveryHttpLimitInTheHelp() {
        String help = ServerOptions.help();
        for (String flag : FLAGS) {
            assertTrue(help.contains("--" + flag + " "), flag);
            assertTrue(help.contains("JR_" + flag.toUpperCase().replace('-', '_')), flag);
        }
    }
}
