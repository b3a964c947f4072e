package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tuning builder rejects each bad value with a message naming the field. */
class TuningTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("bounds", b -> b.bounds(Double.NaN, 1, 0, 1)),
                bad("bounds", b -> b.bounds(0, Double.POSITIVE_INFINITY, 0, 1)),
                bad("bounds", b -> b.bounds(5, 5, 0, 1)),
                bad("bounds", b -> b.bounds(0, 1, 2, 1)),
                bad("turnRate", b -> b.turnRate(0)),
                bad("turnRate", b -> b.turnRate(Double.NaN)),
                bad("throttleRate", b -> b.throttleRate(-1)),
                bad("maxSpeed", b -> b.maxSpeed(Double.POSITIVE_INFINITY)),
                bad("planeRadius", b -> b.planeRadius(0)),
                bad("maxHp", b -> b.maxHp(0)),
                bad("shotCooldownSeconds", b -> b.shotCooldownSeconds(0)),
                bad("noseOffset", b -> b.noseOffset(Double.NaN)),
                bad("projectileSpeed", b -> b.projectileSpeed(-500)),
                bad("projectileLifetimeSeconds", b -> b.projectileLifetimeSeconds(0)),
                bad("projectileRadius", b -> b.projectileRadius(Double.NEGATIVE_INFINITY)),
                bad("damage", b -> b.damage(-1)),
                bad("respawnSeconds", b -> b.respawnSeconds(0)),
                bad("countdownSeconds", b -> b.countdownSeconds(-1)),
                bad("matchSeconds", b -> b.matchSeconds(-1)),
                bad("matchEndPauseSeconds", b -> b.matchEndPauseSeconds(-1)),
                bad("minPlayersToStart", b -> b.minPlayersToStart(0)));
    }

    private static Arguments bad(String field, UnaryOperator<Tuning.Builder> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void shouldRejectABadValueNamingTheField(String field, UnaryOperator<Tuning.Builder> change) {
        Tuning.Builder builder = change.apply(Tuning.builder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(field), "message names " + field + ": " + e.getMessage());
    }

    @Test
    void shouldAcceptEdgeValuesThatMeanSomething() {
        Tuning t = Tuning.builder().damage(0).countdownSeconds(0).matchSeconds(0).matchEndPauseSeconds(0)
                .noseOffset(-3).build();
        assertEquals(0, t.matchSeconds());
        assertEquals(-3, t.noseOffset());
        assertEquals(Tuning.defaults().maxHp(), t.toBuilder().build().maxHp());
    }
}
