package org.jetraiders.client.example;

import java.net.URI;
import org.jetraiders.client.GuestLogin;
import org.jetraiders.client.GuestSession;
import org.jetraiders.client.JetRaidersClient;
import org.jetraiders.client.JetRaidersListener;
import org.jetraiders.client.message.Identity;
import org.jetraiders.client.message.KillFeed;
import org.jetraiders.client.message.Score;
import org.jetraiders.client.world.Plane;
import org.jetraiders.client.world.WorldSnapshot;

/**
 * A bot in thirty lines: logs in as a guest, joins, flies in circles for a few seconds and prints
 * where it is and its score. Run it against a server with its default ports:
 * {@code java -cp client/target/jet-raiders-client-0.1.0-SNAPSHOT.jar:<Java-WebSocket, Gson, slf4j jars>
 * org.jetraiders.client.example.FlyInCircles [http://127.0.0.1:3000 [ws://127.0.0.1:3001/ws [seconds]]]}.
 * The README shows its body; the server's {@code FlyInCirclesExampleIT} runs it against a real server.
 */
public final class FlyInCircles {
    private FlyInCircles() {
    }

    public static void main(String[] args) throws Exception {
        URI http = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:3000");
        URI ws = URI.create(args.length > 1 ? args[1] : "ws://127.0.0.1:3001/ws");
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 5;
        // README-EXAMPLE-START
        GuestSession session = GuestLogin.login(http, "Circler");          // POST /guest/init, /guest/login
        try (JetRaidersClient client = JetRaidersClient.builder(ws)         // binary delta snapshots by default
                .listener(new JetRaidersListener() {
                    @Override
                    public void onKillFeed(KillFeed feed) {                 // called on the connection's read thread
                        feed.kills().forEach(k -> System.out.println(k.killer() + " shot down " + k.victim()));
                    }
                })
                .connect()) {
            Identity me = client.join(session.joinRequest());
            System.out.println("joined lobby " + me.lobbyId() + " as player " + me.playerId());

            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                client.sendInput(1.0, 0.5, false);   // full throttle, half turn right: a circle
                Thread.sleep(16);                    // about 60 inputs a second, like the game client
            }

            WorldSnapshot world = client.latestWorld();
            Plane plane = world.plane(me.playerId());
            if (plane != null) {
                System.out.printf("tick %d: at (%.1f, %.1f) heading %.2f rad, hp %d%n",
                        world.tick(), plane.x(), plane.y(), plane.rot(), plane.hp());
            }
            System.out.println("inputs sent " + client.inputs().lastSentSeq()
                    + ", acknowledged up to " + client.inputs().ackedSeq());
            Score score = client.scoreboard() == null ? null : client.scoreboard().player(me.playerId());
            if (score != null) {
                System.out.println("score: " + score.kills() + " kills, " + score.deaths() + " deaths");
            }
        }
        // README-EXAMPLE-END
    }
}
