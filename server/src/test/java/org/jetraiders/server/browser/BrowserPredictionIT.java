package org.jetraiders.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.server.GameServer;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.it.support.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser client's prediction of its own plane, in headless Chromium against a real server with
 * no bots (one player keeps the lobby waiting, so nobody shoots the page's plane and it never
 * respawns during a test). Everything is measured inside the page, once per animation frame: a
 * recorder installed with requestAnimationFrame reads {@code window.jetRaiders.state()} right after the
 * game drew each frame and keeps the frame number, the frame's timestamp and both poses; a keydown
 * listener notes the frame number at which a key arrived. Frames, not wall-clock sleeps, are the unit
 * of every wait and every check, so a slow (loaded, 2-core) machine gives fewer frames per second, not
 * different results.
 */
class BrowserPredictionIT {
    private static final String NAME = "Predictor";
    /** The engine's top speed (px/s) and turn rate (rad/s), GAME_RULES.md. */
    private static final double MAX_SPEED = 150;
    private static final double TURN_RATE = 3.0;
    private static final double WORLD_W = 800;
    private static final double WORLD_H = 460;
    /** The server's tick rate in this test (the default). */
    private static final double TICK_RATE_HZ = 60;

    /**
     * Installed in the page: records every drawn frame (deduplicated by frame number) and the frame
     * at which the first keydown arrived since {@code __rec.armKey()}.
     */
    private static final String RECORDER = """
            if (!window.__rec) {
              const rec = { frames: [], keyFrame: null, armed: false, errors: [] };
              rec.armKey = () => { rec.keyFrame = null; rec.armed = true; };
              window.addEventListener('keydown', () => {
                if (rec.armed && rec.keyFrame === null) rec.keyFrame = window.jetRaiders.state().frame;
              }, true);
              const loop = (t) => {
                const s = window.jetRaiders.state();
                const last = rec.frames[rec.frames.length - 1];
                if (!last || last.frame !== s.frame) {
                  rec.frames.push({ frame: s.frame, t, ack: s.ack, tick: s.tick, local: s.local, server: s.server,
                    snaps: window.__jr.prediction.snaps, shots: window.__jr.prediction.shots.predicted,
                    errorPx: window.__jr.prediction.errorPx, corrections: window.__jr.prediction.corrections });
                }
                requestAnimationFrame(loop);
              };
              requestAnimationFrame(loop);
              window.__rec = rec;
            }
            window.__rec.frames = [];
            """;

    private GameServer server;
    private HeadlessChromium chromium;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        server = new GameServer(ServerConfig.builder().wsPort(0).httpPort(0).bots(0).journal(ServerFixture.config().journal()).build()); // a fresh --data-dir: never restore an old run's lobby
        server.start();
        chromium = HeadlessChromium.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    /** flight.js reproduces every state and shot the Java engine computed for the scripted inputs (flight.vectors.json). */
    @Test
    void flightRulesInThePageReproduceTheEngine() {
        chromium.driver().get(base() + "/");
        Map<String, Object> result = chromium.assertSelfTestPasses("/js/flight.selftest.js", "m.runFlightSelfTest()", 2000);
        assertTrue(((Number) result.get("ticks")).longValue() > 400, "the self-test replayed the scripts: " + result);
    }

    /**
     * prediction.js against a simulated server running flight.js as the engine does: no corrections
     * without jitter (with loss too), at most a tick's worth with jitter and with stalls of inputs,
     * snapshots or the server, as many shots as the server, a snap on respawn.
     */
    @Test
    void reconciliationInThePageFollowsASimulatedServer() {
        chromium.driver().get(base() + "/");
        chromium.assertSelfTestPasses("/js/prediction.selftest.js", "m.runPredictionSelfTest()", 20);
    }

    /**
     * With 100 ms added each way (a 200 ms round trip, which the page's ping shows), a held D turns the
     * drawn plane clockwise within two animation frames of the key's arrival, drawn by the prediction;
     * the server's pose shows the turn only a round trip later.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binary", "json"})
    void heldKeyTurnsTheDrawnPlaneWithinTwoFramesDespiteLatency(String format) {
        join("sim_latency=100" + (format.equals("json") ? "&format=json" : ""));
        Number ping = awaitValue("return window.__jr.pingMs", v -> v != null && ((Number) v).doubleValue() >= 200);
        assertEquals(format, chromium.js("return window.__jr.format"));

        record();
        armKey();
        new Actions(chromium.driver()).keyDown("d").perform();
        awaitFrames(keyFrame() + 30);
        new Actions(chromium.driver()).keyUp("d").perform();

        long key = keyFrame();
        List<Frame> frames = frames();
        Frame before = frameAt(frames, key);
        Frame turned = frames.stream()
                .filter(f -> f.frame > key && f.local != null && angle(f.local.rot - before.local.rot) > 1e-6)
                .findFirst().orElseThrow(() -> new AssertionError("the drawn plane never turned: " + frames));
        Frame serverTurned = frames.stream()
                .filter(f -> f.frame > key && f.server != null && angle(f.server.rot - before.server.rot) > 1e-6)
                .findFirst().orElse(null);
        System.out.printf("browser prediction (%s, ping %s ms): key in frame %d, drawn plane turned in frame %d"
                        + " (%.1f ms later), the server's pose in frame %s%n", format, ping, key, turned.frame,
                turned.t - before.t, serverTurned == null ? "-" : serverTurned.frame);
        assertTrue(turned.frame <= key + 2, "the drawn plane turned within two frames of the key: key in frame "
                + key + ", turned in frame " + turned.frame);
        assertTrue(turned.local.predicted, "the prediction drew the turned plane");
        assertTrue(serverTurned == null || serverTurned.t - before.t >= 150 || serverTurned.frame > turned.frame,
                "the server's pose turned a round trip later, not first: " + serverTurned);
    }

    /**
     * After flying (throttle up, turning, straight) and stopping (throttle down to 0) with a 200 ms
     * round trip, once every key is released and the server's pose has settled, the drawn
     * (predicted) plane and the server's agree within 2 px and 0.01 rad.
     */
    @Test
    void predictedAndServerPositionsAgreeAfterRelease() {
        join("sim_latency=100");
        record();
        Actions keys = new Actions(chromium.driver());
        keys.keyDown("w").keyDown("d").perform();
        awaitFrames(currentFrame() + 45);
        keys.keyUp("d").perform();
        awaitFrames(currentFrame() + 30);
        keys.keyUp("w").keyDown("s").perform();
        awaitFrames(currentFrame() + 45); // 30 ticks close the throttle from full
        keys.keyUp("s").perform();
        long released = currentFrame();
        // settled: the server's pose unchanged over the last 20 frames, a round trip after the release
        Frame settled = awaitFrame(fs -> {
            if (fs.size() < 21 || fs.get(fs.size() - 1).frame < released + 20) {
                return null;
            }
            Frame last = fs.get(fs.size() - 1);
            for (Frame f : fs.subList(fs.size() - 21, fs.size())) {
                if (f.server == null || f.local == null || f.server.x != last.server.x || f.server.y != last.server.y
                        || f.server.rot != last.server.rot) {
                    return null;
                }
            }
            return last;
        });
        double dx = wrap(settled.local.x - settled.server.x, WORLD_W);
        double dy = wrap(settled.local.y - settled.server.y, WORLD_H);
        double drot = angle(settled.local.rot - settled.server.rot);
        System.out.printf("browser prediction after release: drawn (%.2f, %.2f, %.4f), server (%.2f, %.2f, %.4f)%n",
                settled.local.x, settled.local.y, settled.local.rot, settled.server.x, settled.server.y, settled.server.rot);
        List<Frame> frames = frames();
        double travelled = travelled(frames);
        assertTrue(travelled > 100, "the plane flew before it stopped: " + travelled + " px");
        assertTrue(settled.local.predicted, "the drawn plane is the prediction");
        assertTrue(Math.hypot(dx, dy) <= 2, "predicted and server positions agree within 2 px: " + Math.hypot(dx, dy));
        assertTrue(Math.abs(drot) <= 0.01, "predicted and server rotations agree: " + drot);
    }

    /**
     * With a quarter of the snapshots lost and 100 ms each way, the plane flies (throttle up, then
     * circling at full throttle) without a visible jump. The keys stay held while frames are recorded:
     * a key change that a stall on a loaded machine holds up makes the server really fly differently
     * for a while (it holds the last input it has), and correcting that is right, not a glitch; with
     * steady keys, stalls, losses and late or bunched inputs and snapshots must not show. "Visible" is measured per animation
     * frame: between two consecutive frames the drawn plane may move at most what the top speed allows
     * in that frame's interval (150 px/s x the frames' timestamps' difference) plus {@value #JUMP_PX}
     * px, and turn at most the turn rate allows plus {@value #JUMP_RAD} rad. At the page's scale
     * (1280 x 800 window, about 1.5 screen pixels per world px) 2 px is 3 screen pixels: a correction
     * smoothed over several frames stays far below it (a tick's worth of error, 2.5 px, moves the plane
     * about 0.5 px more in one frame), while a correction drawn at once (a snap) or a plane drawn from
     * the late, interpolated snapshots would exceed it. Frame intervals come from the page's own
     * timestamps, so a slow frame on a loaded machine allows proportionally more motion, as it should.
     */
    @Test
    void planeFliesWithoutVisibleJumpsDespiteLossAndLatency() {
        join("sim_loss=0.25&sim_latency=100&debug=1");
        Actions keys = new Actions(chromium.driver());
        keys.keyDown("w").keyDown("d").perform();
        awaitFrames(currentFrame() + 45); // full throttle after 30 ticks
        record();
        awaitFrames(currentFrame() + 240);
        keys.keyUp("d").keyUp("w").perform();

        List<Frame> frames = frames();
        double worstPx = Double.NEGATIVE_INFINITY;
        double worstRad = Double.NEGATIVE_INFINITY;
        Frame worstAt = null;
        for (int i = 1; i < frames.size(); i++) {
            Frame a = frames.get(i - 1);
            Frame b = frames.get(i);
            assertNotNull(b.local, "the plane is drawn in every frame: frame " + b.frame);
            assertTrue(b.local.predicted, "the prediction drew frame " + b.frame);
            double seconds = (b.t - a.t) / 1000;
            double moved = Math.hypot(wrap(b.local.x - a.local.x, WORLD_W), wrap(b.local.y - a.local.y, WORLD_H));
            // The rules' wrap drops the overshoot (a plane past one edge re-enters exactly at the other),
            // and the frame drawn between the ticks does the same: the frame that crosses moves the plane
            // short and the next one catches up by up to a tick's flight. Only those two may.
            double allowance = crossedEdge(frames, i) || crossedEdge(frames, i - 1) ? MAX_SPEED / TICK_RATE_HZ : 0;
            double excessPx = moved - MAX_SPEED * seconds - allowance;
            double excessRad = Math.abs(angle(b.local.rot - a.local.rot)) - TURN_RATE * seconds;
            if (excessPx > worstPx) {
                worstPx = excessPx;
                worstAt = b;
            }
            worstRad = Math.max(worstRad, excessRad);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> prediction = (Map<String, Object>) chromium.js("return window.__jr.prediction");
        long lost = ((Number) chromium.js("return window.__jr.lostSnapshots")).longValue();
        double travelled = travelled(frames);
        double largestCorrection = frames.stream().mapToDouble(Frame::errorPx).max().orElse(0);
        System.out.printf("browser prediction with loss and latency: %d frames, %.0f px flown, %d snapshots lost,"
                        + " largest correction %.2f px, worst frame %.2f px / %.4f rad beyond the rules' limits (at %s);"
                        + " prediction %s%n", frames.size(), travelled, lost, largestCorrection, worstPx, worstRad, worstAt,
                prediction);
        int w = frames.indexOf(worstAt);
        if (worstPx > 1) {
            frames.subList(Math.max(0, w - 40), Math.min(frames.size(), w + 4)).forEach(System.out::println);
        }
        assertNetGraphShown(Path.of("target", "browser-netgraph.png"));
        assertTrue(frames.size() > 200, "enough frames recorded: " + frames.size());
        assertTrue(travelled > 400, "the plane flew: " + travelled + " px");
        assertTrue(lost > 0, "snapshots were lost");
        assertEquals(frames.get(0).snaps, frames.get(frames.size() - 1).snaps, "no correction was drawn at once (snapped)");
        assertTrue(worstPx <= JUMP_PX, "no visible jump: a frame moved the plane " + worstPx + " px further than"
                + " its top speed allows (" + worstAt + ")");
        assertTrue(worstRad <= JUMP_RAD, "no visible jump: a frame turned the plane " + worstRad + " rad further"
                + " than its turn rate allows");
    }

    /**
     * Held Space with a 200 ms round trip: the page fires its first shot within two frames of the key
     * (predicted, drawn at once), and the server's projectiles, when they arrive a round trip later,
     * are matched to the predicted shots (so each shot is drawn once): all but at most one at each end
     * of the burst, where the page's and the server's cooldowns may disagree by a tick.
     */
    @Test
    void ownShotsAreFiredAtOnceAndMatchedToTheServersProjectiles() {
        Set<Integer> serverShots = ConcurrentHashMap.newKeySet();
        ClientSubscription subscription = server.lobbies().defaultLobby().lobby().attach(snapshot -> {
            for (int i = 0; i < snapshot.projectileCount(); i++) {
                serverShots.add(snapshot.projectileId(i)); // no bots: every projectile is the page's
            }
        });
        try {
            firesAndMatches(serverShots);
        } finally {
            subscription.detach();
        }
    }

    private void firesAndMatches(Set<Integer> serverShots) {
        join("sim_latency=100");
        record();
        armKey();
        new Actions(chromium.driver()).keyDown(" ").perform();
        awaitFrames(keyFrame() + 60);
        new Actions(chromium.driver()).keyUp(" ").perform();
        long key = keyFrame();
        List<Frame> frames = frames();
        long before = frameAt(frames, key).shots;
        Frame fired = frames.stream().filter(f -> f.frame > key && f.shots > before).findFirst()
                .orElseThrow(() -> new AssertionError("no shot was predicted"));
        // every predicted shot confirmed or given up (a round trip plus 250 ms)
        Map<String, Object> shots = awaitValue("const s = window.__jr.prediction.shots;"
                + " return s.confirmed + s.unconfirmed >= s.predicted && s.predicted >= 8 ? s : null;", v -> v != null);
        System.out.printf("browser prediction, own shots: key in frame %d, first shot in frame %d; %s%n",
                key, fired.frame, shots);
        assertTrue(fired.frame <= key + 2, "the first shot was fired within two frames of the key: frame " + fired.frame);
        long predicted = ((Number) shots.get("predicted")).longValue();
        long confirmed = ((Number) shots.get("confirmed")).longValue();
        // on a machine too loaded for the server to keep its tick rate, it fires fewer shots than the
        // page predicts in the same time; the matching is judged on the shots both fired
        long both = Math.min(predicted, serverShots.size());
        assertTrue(confirmed >= both - 2, "the server's projectiles (" + serverShots.size()
                + ") matched the predicted shots: " + shots);
        assertTrue(confirmed <= serverShots.size(), "each match is a real projectile: " + shots);
    }

    /** ?debug=1 shows the net graph with its figures; a screenshot of it goes to `png`. */
    private void assertNetGraphShown(Path png) {
        WebElement graph = chromium.driver().findElement(By.id("netgraph"));
        assertTrue(graph.isDisplayed(), "?debug=1 shows the net graph");
        String text = graph.getText();
        for (String figure : List.of("ping", "snapshots/s", "interpolation delay", "KiB/s", "lost", "late",
                "prediction error")) {
            assertTrue(text.contains(figure), "the net graph shows " + figure + ": " + text);
        }
        try {
            Files.createDirectories(png.getParent());
            Files.write(png, ((TakesScreenshot) chromium.driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final double JUMP_PX = 2.0;
    private static final double JUMP_RAD = 0.05;

    // ---- page helpers ----------------------------------------------------------------------------

    private String base() {
        return "http://127.0.0.1:" + server.httpPort();
    }

    /** Opens the page with `query`, joins, and waits until our plane is drawn and inputs are acknowledged. */
    private void join(String query) {
        chromium.driver().get(base() + "/?name=" + NAME + "&autoplay=1&" + query);
        awaitValue("const s = window.jetRaiders && window.jetRaiders.state();"
                + " return !!(s && s.local && s.server && s.ack > 0 && window.__jr.state === 'playing');", Boolean.TRUE::equals);
    }

    private void record() {
        chromium.js(RECORDER);
    }

    /**
     * Notes the frame the next key arrives in, once the recorder holds a frame with the plane: a key
     * arriving in the frame the recorder was installed in would be in a frame it never recorded (a
     * loaded machine made that happen once in a full build).
     */
    private void armKey() {
        awaitValue("return window.__rec.frames.some((f) => f.local && f.server)", Boolean.TRUE::equals);
        chromium.js("window.__rec.armKey()");
    }

    private long currentFrame() {
        return ((Number) chromium.js("return window.jetRaiders.state().frame")).longValue();
    }

    private long keyFrame() {
        Number n = awaitValue("return window.__rec.keyFrame", v -> v != null);
        return n.longValue();
    }

    private void awaitFrames(long frame) {
        awaitValue("return window.jetRaiders.state().frame >= " + frame, Boolean.TRUE::equals);
    }

    @SuppressWarnings("unchecked")
    private <T> T awaitValue(String script, java.util.function.Predicate<Object> done) {
        Object[] last = new Object[1];
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(30), Duration.ofMillis(20))
                .withMessage(() -> "waiting for " + script + " (last " + last[0] + ")")
                .until(d -> {
                    last[0] = chromium.js(script);
                    return done.test(last[0]);
                });
        return (T) last[0];
    }

    private Frame awaitFrame(java.util.function.Function<List<Frame>, Frame> pick) {
        Frame[] found = new Frame[1];
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
                .withMessage(() -> "waiting for a settled frame")
                .until(d -> (found[0] = pick.apply(frames())) != null);
        return found[0];
    }

    // ---- recorded frames -------------------------------------------------------------------------

    record Pose(double x, double y, double rot, boolean predicted) {
        static Pose of(Object o) {
            if (!(o instanceof Map<?, ?> m)) {
                return null;
            }
            return new Pose(num(m.get("x")), num(m.get("y")), num(m.get("rot")), Boolean.TRUE.equals(m.get("predicted")));
        }
    }

    record Frame(long frame, double t, long ack, Pose local, Pose server, long snaps, long shots, double errorPx,
            long corrections) {
    }

    @SuppressWarnings("unchecked")
    private List<Frame> frames() {
        List<Object> raw = (List<Object>) chromium.js("return window.__rec.frames");
        List<Frame> frames = new ArrayList<>(raw.size());
        for (Object o : raw) {
            Map<String, Object> m = (Map<String, Object>) o;
            frames.add(new Frame(((Number) m.get("frame")).longValue(), num(m.get("t")), ((Number) m.get("ack")).longValue(),
                    Pose.of(m.get("local")), Pose.of(m.get("server")), ((Number) m.get("snaps")).longValue(),
                    ((Number) m.get("shots")).longValue(), num(m.get("errorPx")), ((Number) m.get("corrections")).longValue()));
        }
        return frames;
    }

    private static Frame frameAt(List<Frame> frames, long frame) {
        return frames.stream().filter(f -> f.frame == frame && f.local != null && f.server != null).findFirst()
                .orElseThrow(() -> new AssertionError("frame " + frame + " was not recorded with a plane"));
    }

    /** The drawn plane's path length over the recorded frames. */
    private static double travelled(List<Frame> frames) {
        double sum = 0;
        for (int i = 1; i < frames.size(); i++) {
            Pose a = frames.get(i - 1).local;
            Pose b = frames.get(i).local;
            if (a != null && b != null) {
                sum += Math.hypot(wrap(b.x - a.x, WORLD_W), wrap(b.y - a.y, WORLD_H));
            }
        }
        return sum;
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** `d` as the shortest way round a period (the world wraps). */
    /** Whether the plane crossed a world edge from frame {@code i - 1} to frame {@code i}. */
    private static boolean crossedEdge(List<Frame> frames, int i) {
        if (i < 1) {
            return false;
        }
        Pose a = frames.get(i - 1).local;
        Pose b = frames.get(i).local;
        return a != null && b != null && (Math.abs(b.x - a.x) > WORLD_W / 2 || Math.abs(b.y - a.y) > WORLD_H / 2);
    }

    private static double wrap(double d, double period) {
        double r = d % period;
        if (r > period / 2) {
            r -= period;
        } else if (r < -period / 2) {
            r += period;
        }
        return r;
    }

    private static double angle(double d) {
        return wrap(d, 2 * Math.PI);
    }
}
