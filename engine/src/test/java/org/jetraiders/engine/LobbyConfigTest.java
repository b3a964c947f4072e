package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The config builder rejects each bad value with a message naming the field. */
class LobbyConfigTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("name", b -> b.name(null)),
                bad("name", b -> b.name("")),
                bad("name", b -> b.name("has space")),
                bad("name", b -> b.name("x".repeat(33))),
                bad("tickRateHz", b -> b.tickRateHz(0)),
                bad("tickRateHz", b -> b.tickRateHz(1001)),
                bad("tuning", b -> b.tuning(null)),
                bad("maxPlayers", b -> b.maxPlayers(0)),
                bad("maxPlayers", b -> b.maxPlayers(10_001)),
                bad("inputRingSize", b -> b.inputRingSize(100)),
                bad("inputRingSize", b -> b.inputRingSize(32)),
                bad("outputRingSize", b -> b.outputRingSize(2)),
                bad("outputRingSize", b -> b.outputRingSize(96)),
                bad("maxLagSnapshots", b -> b.maxLagSnapshots(0)),
                bad("maxLagSnapshots", b -> b.outputRingSize(64).maxLagSnapshots(64)),
                bad("maxLagTime", b -> b.maxLagTime(Duration.ZERO)),
                bad("maxLagTime", b -> b.maxLagTime(Duration.ofMillis(-1))),
                bad("maxLagTime", b -> b.maxLagTime(null)),
                bad("sinkBlockTimeout", b -> b.sinkBlockTimeout(Duration.ZERO)),
                bad("sinkBlockTimeout", b -> b.sinkBlockTimeout(null)),
                bad("encoders", b -> b.encoders(null)),
                bad("encoders", b -> b.encoders(Arrays.asList((SnapshotEncoder) null))));
    }

    private static Arguments bad(String field, UnaryOperator<LobbyConfig.Builder> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void shouldRejectABadValueNamingTheField(String field, UnaryOperator<LobbyConfig.Builder> change) {
        LobbyConfig.Builder builder = change.apply(LobbyConfig.builder());
        // IllegalArgumentException for bad values; null references currently throw NullPointerException
        RuntimeException e = assertThrows(RuntimeException.class, builder::build);
        assertTrue(e instanceof IllegalArgumentException || e instanceof NullPointerException, e.toString());
        assertTrue(e.getMessage() != null && e.getMessage().contains(field),
                "message names " + field + ": " + e.getMessage());
    }

    @Test
    void shouldBuildTheDefaultsAndRoundTripThroughToBuilder() {
        LobbyConfig c = LobbyConfig.builder().name("a.b-c_1").maxLagSnapshots(3).outputRingSize(4).build();
        LobbyConfig copy = c.toBuilder().build();
        assertEquals(c.name(), copy.name());
        assertEquals(3, copy.maxLagSnapshots());
        assertEquals(4, copy.outputRingSize());
        assertEquals(1_000_000_000L / 60, c.tickPeriodNanos());
        assertEquals(List.of(), c.encoders());
    }

    @Test
    void shouldRejectABadClientThreadPool() {
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> ClientThreadPool.create("jr-badpool", 0, Duration.ofSeconds(1)));
        assertTrue(threads.getMessage().contains("threads"), threads.getMessage());
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
                () -> ClientThreadPool.create("jr-badpool", 1, Duration.ZERO));
        assertTrue(timeout.getMessage().contains("sinkBlockTimeout"), timeout.getMessage());
        assertEquals(List.of(), org.jetraiders.engine.support.Threads.liveNamed("jr-badpool"));
    }
}
