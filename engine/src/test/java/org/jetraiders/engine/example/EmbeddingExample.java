package org.jetraiders.engine.example;

// README-EXAMPLE-START
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.Tuning;

public class EmbeddingExample {
    public static void main(String[] args) throws InterruptedException {
        Lobby lobby = Lobby.create(LobbyConfig.builder()
                .name("arena")
                .tickRateHz(60)
                .seed(42)
                .maxPlayers(16)
                .tuning(Tuning.defaults().toBuilder().matchSeconds(120).build())
                .build());
        lobby.start();

        int ada = lobby.join("Ada");
        int bob = lobby.join("Bob");

        CountDownLatch oneSecondIn = new CountDownLatch(1);
        ClientSubscription view = lobby.attach(new ClientSink() {
            @Override
            public void onSnapshot(Snapshot s) {   // called on a consumer thread; copy what you keep
                int i = s.indexOfPlane(ada);
                // the first snapshot from tick 60 on (a sink that falls behind may skip stale ones)
                if (i >= 0 && s.tick() >= 60 && oneSecondIn.getCount() > 0) {
                    System.out.printf("tick %d: Ada at (%.1f, %.1f) hp %d, %d projectiles%n",
                            s.tick(), s.planeX(i), s.planeY(i), s.planeHp(i), s.projectileCount());
                    oneSecondIn.countDown();
                }
            }
        });

        lobby.submitInput(ada, 1.0, 0.5, true, 1);   // full thrust, half right turn, guns
        lobby.submitInput(bob, 0.5, -1.0, false, 1);
        if (!oneSecondIn.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no snapshot of tick 60 or later within 10 s");
        }

        System.out.println("status " + lobby.status() + ", scores " + lobby.scores());
        view.detach();
        lobby.stop(Duration.ofSeconds(3));
    }
}
// README-EXAMPLE-END
