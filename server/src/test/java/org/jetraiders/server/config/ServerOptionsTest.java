package org.jetraiders.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The flags of the abuse limits: defaults, flag and environment spellings, and what is refused. */
class ServerOptionsTest {

    private static ServerConfig parse(Map<String, String> env, String... args) throws ServerOptions.UsageException {
        return ServerOptions.parse(args, env).config();
    }

    @Test
    void shouldDefaultToATenSecondHandshakeTimeoutAndFourLobbiesPerAddress() throws Exception {
        ServerConfig config = parse(Map.of());
        assertEquals(Duration.ofSeconds(10), config.handshakeTimeout());
        assertEquals(4, config.maxLobbiesPerAddress());
        assertTrue(ServerOptions.help().contains("--handshake-timeout-seconds"), ServerOptions.help());
        assertTrue(ServerOptions.help().contains("JR_MAX_LOBBIES_PER_ADDRESS"), ServerOptions.help());
    }

    @Test
    void shouldTakeBothLimitsFromFlagsOverTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("JR_HANDSHAKE_TIMEOUT_SECONDS", "3", "JR_MAX_LOBBIES_PER_ADDRESS", "16");
        assertEquals(Duration.ofSeconds(3), parse(env).handshakeTimeout());
        assertEquals(16, parse(env).maxLobbiesPerAddress());

        ServerConfig flags = parse(env, "--handshake-timeout-seconds", "2", "--max-lobbies-per-address=64");
        assertEquals(Duration.ofSeconds(2), flags.handshakeTimeout());
        assertEquals(64, flags.maxLobbiesPerAddress());
    }

    @Test
    void shouldAcceptZeroLobbiesPerAddressAsNoLimitButRefuseNonsense() throws Exception {
        assertEquals(0, parse(Map.of(), "--max-lobbies-per-address", "0").maxLobbiesPerAddress());
        assertThrows(ServerOptions.UsageException.class, () -> parse(Map.of(), "--max-lobbies-per-address", "-1"));
        assertThrows(ServerOptions.UsageException.class, () -> parse(Map.of(), "--handshake-timeout-seconds", "0"));
    }

    @Test
    void shouldWarmUpByDefaultAndTakeFalseFromTheFlagOrTheEnvironment() throws Exception {
        assertTrue(parse(Map.of()).warmUp());
        assertEquals(false, parse(Map.of(), "--warm-up", "false").warmUp());
        assertEquals(false, parse(Map.of("JR_WARM_UP", "false")).warmUp());
        assertThrows(ServerOptions.UsageException.class, () -> parse(Map.of(), "--warm-up", "maybe"));
    }

    @Test
    void shouldKeepThePeriodicCollectionDuringPlayByDefaultAndTakeTrueFromTheFlagOrTheEnvironment() throws Exception {
        assertEquals(false, parse(Map.of()).idlePeriodicCollection());
        assertTrue(parse(Map.of(), "--idle-periodic-collection", "true").idlePeriodicCollection());
        assertTrue(parse(Map.of("JR_IDLE_PERIODIC_COLLECTION", "true")).idlePeriodicCollection());
        assertThrows(ServerOptions.UsageException.class, () -> parse(Map.of(), "--idle-periodic-collection", "sometimes"));
    }
}
