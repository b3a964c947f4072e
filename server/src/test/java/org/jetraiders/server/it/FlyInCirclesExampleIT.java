package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetraiders.client.example.FlyInCircles;
import org.jetraiders.server.it.support.PlaneWatch;
import org.jetraiders.server.it.support.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's client example ({@link FlyInCircles}, shown verbatim there) against a real server: it
 * logs in, joins, and the server turns its plane by its inputs; it prints its identity, its plane and
 * its score.
 */
class FlyInCirclesExampleIT {
    private static final Pattern JOINED = Pattern.compile("(?m)^joined lobby main as player (\\d+)$");
    private static final Pattern ACKED = Pattern.compile("(?m)^inputs sent (\\d+), acknowledged up to (\\d+)$");
    private static final Pattern AT = Pattern.compile("(?m)^tick (\\d+): at \\(-?\\d+\\.\\d, -?\\d+\\.\\d\\) heading -?\\d+\\.\\d\\d rad, hp 100$");

    private ServerFixture fixture;
    private PlaneWatch watch;

    @AfterEach
    void stop() {
        if (watch != null) {
            watch.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldLogInJoinFlyInCirclesAndPrintItsPlaneAndScore() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().allowAnonymous(false)); // the example logs in
        watch = PlaneWatch.attach(fixture.server().lobbies().defaultLobby().lobby());
        String http = "http://127.0.0.1:" + fixture.server().httpPort();
        String ws = "ws://127.0.0.1:" + fixture.server().webSocketPort() + "/ws";

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            FutureTask<Void> example = new FutureTask<>(() -> {
                FlyInCircles.main(new String[] {http, ws, "3"});
                return null;
            });
            Thread runner = new Thread(example, "fly-in-circles");
            runner.start();
            // the server side of its inputs: the lobby's only plane, turned away from its spawn heading
            // by them (kept by the watch after the example has left)
            PlaneWatch.PlaneState turned = watch.awaitAny("a plane steered by 30 inputs",
                    p -> p.lastInputSeq() >= 30 && p.rot() != 0);
            int id = turned.id();
            example.get(30, TimeUnit.SECONDS); // rethrows what main threw
            out = captured.toString(StandardCharsets.UTF_8);
            assertTrue(turned.lastInputSeq() >= 30, out);

            Matcher joined = JOINED.matcher(out);
            assertTrue(joined.find(), out);
            assertEquals(id, Integer.parseInt(joined.group(1)), "the identity it printed is the server's player");
            Matcher acked = ACKED.matcher(out);
            assertTrue(acked.find(), out);
            long sent = Long.parseLong(acked.group(1));
            long ackedUpTo = Long.parseLong(acked.group(2));
            assertTrue(sent >= 30 && ackedUpTo >= 30 && ackedUpTo <= sent,
                    "its world updates acknowledged its inputs: " + out);
            assertTrue(AT.matcher(out).find(), "it printed its plane from the latest world update: " + out);
            assertTrue(out.contains("score: 0 kills, 0 deaths"), out);
        } finally {
            System.setOut(original);
        }
    }
}
