package org.jetraiders.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reconnect grace and the spectator cap: defaults, flag and environment spellings, what is refused. */
class ReconnectOptionsTest {

    private static ServerConfig parse(Map<String, String> env, String... args) throws ServerOptions.UsageException {
        return ServerOptions.parse(args, env).config();
    }

    @Test
    void shouldDefaultToAThirtySecondGraceAndThirtyTwoSpectators() throws Exception {
        ServerConfig config = parse(Map.of());
        assertEquals(Duration.ofSeconds(30), config.reconnectGrace());
        assertEquals(32, config.maxSpectatorsPerLobby());
        assertTrue(ServerOptions.help().contains("JR_RECONNECT_GRACE_SECONDS"), ServerOptions.help());
        assertTrue(ServerOptions.help().contains("--max-spectators"), ServerOptions.help());
    }

    @Test
    void shouldTakeFlagsOverTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("JR_RECONNECT_GRACE_SECONDS", "5", "JR_MAX_SPECTATORS", "3");
        assertEquals(Duration.ofSeconds(5), parse(env).reconnectGrace());
        assertEquals(3, parse(env).maxSpectatorsPerLobby());

        ServerConfig flags = parse(env, "--reconnect-grace-seconds", "2", "--max-spectators=7");
        assertEquals(Duration.ofSeconds(2), flags.reconnectGrace());
        assertEquals(7, flags.maxSpectatorsPerLobby());
    }

    @Test
    void shouldAcceptZeroAsOffButRefuseNegativeValues() throws Exception {
        assertEquals(Duration.ZERO, parse(Map.of(), "--reconnect-grace-seconds", "0").reconnectGrace());
        assertEquals(0, parse(Map.of(), "--max-spectators", "0").maxSpectatorsPerLobby());
        assertThrows(ServerOptions.UsageException.class, () -> parse(Map.of(), "--reconnect-grace-seconds", "-1"));
        assertThrows(ServerOptions.UsageException.class, () -> parse(Map.of(), "--reconnect-grace-seconds", "3601"));
        assertThrows(ServerOptions.UsageException.class, () -> parse(Map.of(), "--max-spectators", "-1"));
    }
}
