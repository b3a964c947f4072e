package org.jetraiders.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay routes' limits: each has a flag and a {@code JR_*} variable, a default, a range, and --help. */
class ReplayOptionsTest {
    private static final String[] FLAGS = {"replay-concurrency", "replay-max-frames", "replay-list-max"};

    @Test
    void shouldDefaultToTwoRequestsSixHundredFramesAndAHundredListed() {
        ServerConfig config = ServerConfig.defaults();
        assertEquals(2, config.replayConcurrency());
        assertEquals(600, config.replayMaxFrames());
        assertEquals(100, config.replayListMax());
    }

    @Test
    void shouldSetEveryReplayLimitFromItsFlagOrTheEnvironment() throws Exception {
        ServerConfig config = ServerOptions.parse(new String[] {"--replay-concurrency", "3", "--replay-max-frames=120"},
                Map.of("JR_REPLAY_LIST_MAX", "20", "JR_REPLAY_CONCURRENCY", "5")).config();
        assertEquals(3, config.replayConcurrency(), "the flag wins");
        assertEquals(120, config.replayMaxFrames());
        assertEquals(20, config.replayListMax());
    }

    @Test
    void shouldRefuseReplayLimitsOutOfRange() {
        for (String[] args : new String[][] {{"--replay-concurrency", "0"}, {"--replay-concurrency", "65"},
                {"--replay-max-frames", "0"}, {"--replay-max-frames", "10001"}, {"--replay-list-max", "0"}}) {
            assertThrows(ServerOptions.UsageException.class, () -> ServerOptions.parse(args, Map.of()), args[0]);
        }
    }

    @Test
    void shouldListEveryReplayLimitInTheHelp() {
        String help = ServerOptions.help();
        for (String flag : FLAGS) {
            assertTrue(help.contains("--" + flag + " "), flag);
            assertTrue(help.contains("JR_" + flag.toUpperCase().replace('-', '_')), flag);
        }
    }
}
