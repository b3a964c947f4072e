package org.jetraiders.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jetraiders.engine.Tuning;
import org.jetraiders.engine.sim.World;
import org.junit.jupiter.api.Test;

/**
 * The browser predicts its own plane with {@code web/js/flight.js}; its self-test
 * ({@code web/js/flight.selftest.js}, run in Chromium by BrowserPredictionIT) replays the scripted
 * inputs of {@code web/js/flight.vectors.json} and must reproduce the states listed there. This test
 * makes sure those states are what the real engine computes: it runs each script through
 * {@link World} and compares the result with the checked-in file, byte for byte.
 *
 * <p>After a deliberate change of the rules, regenerate the file with
 * {@code mvn -pl server -am test -Dtest=FlightVectorsTest -Djr.writeFlightVectors=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (the test then writes it into src/main/resources and
 * fails once, so that a regeneration is never silent).
 */
class FlightVectorsTest {
    static final String RESOURCE = "/web/js/flight.vectors.json";
    private static final Path SOURCE = Path.of("src/main/resources" + RESOURCE);
    private static final int PLAYER = 7;

    /** A scripted input held for some ticks. */
    record Run(double thrust, double turn, boolean shoot, int ticks) {
    }

    /**
     * One script, at 60 and at 20 ticks per second: throttle up past full, turns both ways, fractional
     * and out-of-range inputs (clamped), shooting while turning (the cooldown), throttle down past zero,
     * turning in place, and enough straight flight from a spawn near the top-right corner to wrap
     * across the top and the right edge.
     */
    private static List<Run> script(int tickRateHz) {
        int s = 60 / tickRateHz; // the same seconds at every rate
        return List.of(
                new Run(1, 0, false, 40 / s),      // throttle up, clamps at 1
                new Run(0, 0, false, 60 / s),      // straight up: wraps across the top edge
                new Run(1, 1, false, 30 / s),      // turn right (clockwise) to face about +x
                new Run(0, 0, true, 66 / s),       // straight right, shooting: wraps across the right edge
                new Run(0, -0.5, true, 24 / s),    // half-rate left turn, still shooting
                new Run(2.5, -3, false, 12 / s),   // out of range: clamped to +1 / -1
                new Run(-0.25, 0.3, true, 30 / s), // fractional throttle down and turn, shooting
                new Run(-1, 0, false, 60 / s),     // throttle down, clamps at 0
                new Run(0, -1, true, 18 / s),      // turn in place, shooting
                new Run(0.5, 0, false, 12 / s));   // half-rate throttle up
    }

    @Test
    void checkedInVectorsAreWhatTheEngineComputes() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("jr.writeFlightVectors")) {
            Files.writeString(SOURCE, generated, StandardCharsets.UTF_8);
            throw new AssertionError("wrote " + SOURCE.toAbsolutePath() + "; run again without -Djr.writeFlightVectors");
        }
        String checkedIn;
        try (InputStream in = getClass().getResourceAsStream(RESOURCE)) {
            checkedIn = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(generated, checkedIn, RESOURCE + " is not what the engine computes; regenerate it with "
                + "-Djr.writeFlightVectors=true (see this test's javadoc)");
    }

    /** The scripts cover what they claim to: both wraps, shots, both throttle clamps. */
    @Test
    void scriptsCoverWrapsShotsAndClamps() {
        for (int rate : new int[] {60, 20}) {
            Scenario sc = run(rate);
            assertTrue(sc.wrapsX > 0 && sc.wrapsY > 0, rate + " Hz: wraps x " + sc.wrapsX + ", y " + sc.wrapsY);
            assertTrue(sc.shots.size() >= 10, rate + " Hz: shots " + sc.shots.size());
            int full = indexOfThrottle(sc.states, 1.0, 0);
            assertTrue(full >= 0, rate + " Hz: throttle reaches 1");
            assertTrue(indexOfThrottle(sc.states, 0.0, full) > full, rate + " Hz: throttle back at 0 afterwards");
        }
    }

    private static int indexOfThrottle(List<double[]> states, double throttle, int from) {
        for (int i = from; i < states.size(); i++) {
            if (states.get(i)[3] == throttle) {
                return i;
            }
        }
        return -1;
    }

    private static final class Scenario {
        final int tickRateHz;
        final long seed;
        double[] start;
        final List<Run> inputs;
        final List<double[]> states = new ArrayList<>();
        final List<double[]> shots = new ArrayList<>();
        int wrapsX;
        int wrapsY;

        Scenario(int tickRateHz, long seed, List<Run> inputs) {
            this.tickRateHz = tickRateHz;
            this.seed = seed;
            this.inputs = inputs;
        }
    }

    private static Scenario run(int tickRateHz) {
        long seed = seedSpawningNearTopRight();
        Scenario sc = new Scenario(tickRateHz, seed, script(tickRateHz));
        World world = new World(Tuning.defaults(), tickRateHz, 4, seed);
        int slot = world.addPlayer(PLAYER, "vectors");
        sc.start = new double[] {world.planeX(slot), world.planeY(slot), world.planeRot(slot), world.planeThrottle(slot)};
        double halfW = (world.tuning().maxX() - world.tuning().minX()) / 2;
        double halfH = (world.tuning().maxY() - world.tuning().minY()) / 2;
        long seq = 0;
        int step = 0;
        for (Run r : sc.inputs) {
            for (int i = 0; i < r.ticks(); i++) {
                world.setInput(slot, r.thrust(), r.turn(), r.shoot(), ++seq);
                double px = world.planeX(slot);
                double py = world.planeY(slot);
                world.step();
                step++;
                double x = world.planeX(slot);
                double y = world.planeY(slot);
                sc.wrapsX += Math.abs(x - px) > halfW ? 1 : 0;
                sc.wrapsY += Math.abs(y - py) > halfH ? 1 : 0;
                sc.states.add(new double[] {x, y, world.planeRot(slot), world.planeThrottle(slot)});
                for (int p = 0; p < world.projectileCount(); p++) {
                    if (world.projectileSpawnTick(p) == world.tick() && world.projectileOwner(p) == PLAYER) {
                        sc.shots.add(new double[] {step, world.projectileX(p), world.projectileY(p), world.projectileRot(p),
                                world.projectileVx(p), world.projectileVy(p)});
                    }
                }
            }
        }
        return sc;
    }

    /** The first lobby seed whose first spawn is near the top-right corner, so short flights wrap. */
    private static long seedSpawningNearTopRight() {
        for (long seed = 1; ; seed++) {
            World w = new World(Tuning.defaults(), 60, 1, seed);
            int slot = w.addPlayer(PLAYER, "probe");
            if (w.planeX(slot) > 250 && w.planeY(slot) < -130) {
                return seed;
            }
        }
    }

    /** The file's text: one scenario per rate, one state or shot a line (numbers as Java prints doubles, exact). */
    static String generate() {
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"about\": \"Generated by FlightVectorsTest from the engine (World, Tuning.defaults());"
                + " checked by flight.selftest.js. states[i] = [x, y, rot, throttle] after tick i + 1;"
                + " shots = [tick, x, y, rot, vx, vy]; inputs = [thrust, turn, shoot, ticks].\",\n");
        out.append("  \"scenarios\": [");
        int[] rates = {60, 20};
        for (int k = 0; k < rates.length; k++) {
            Scenario sc = run(rates[k]);
            out.append(k == 0 ? "\n" : ",\n");
            out.append("    {\n      \"tickRateHz\": ").append(sc.tickRateHz).append(",\n");
            out.append("      \"seed\": ").append(sc.seed).append(",\n");
            out.append("      \"start\": ").append(array(sc.start)).append(",\n");
            out.append("      \"inputs\": [");
            for (int i = 0; i < sc.inputs.size(); i++) {
                Run r = sc.inputs.get(i);
                out.append(i == 0 ? "\n" : ",\n").append("        ")
                        .append(array(new double[] {r.thrust(), r.turn(), r.shoot() ? 1 : 0, r.ticks()}));
            }
            out.append("\n      ],\n      \"states\": [");
            lines(out, sc.states);
            out.append("\n      ],\n      \"shots\": [");
            lines(out, sc.shots);
            out.append("\n      ]\n    }");
        }
        out.append("\n  ]\n}\n");
        return out.toString();
    }

    private static void lines(StringBuilder out, List<double[]> rows) {
        for (int i = 0; i < rows.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append("        ").append(array(rows.get(i)));
        }
    }

    private static String array(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            double v = values[i];
            // integers without ".0" (JSON and JS read both alike); every other double in full
            b.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%d", (long) v) : Double.toString(v));
        }
        return b.append(']').toString();
    }
}
