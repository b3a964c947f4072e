package org.jetraiders.bench.pipeline;

import java.time.Duration;
import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.ClientThreadPool;
import org.jetraiders.engine.InputResult;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.Tuning;

/**
 * The real engine: a {@link Lobby} with {@code autoTick(false)} (input ring → game loop → output ring
 * → encoding stage, here with no encoder → client consumers) on a shared {@link ClientThreadPool}.
 */
final class DisruptorLatencyPipeline implements LatencyPipeline {
    private final ClientThreadPool pool;
    private final Lobby lobby;

    DisruptorLatencyPipeline(Tuning tuning, int tickRateHz, int maxPlayers, long seed, int clientThreads) {
        pool = ClientThreadPool.create("jr-bench-clients", clientThreads, Duration.ofSeconds(1));
        lobby = Lobby.create(LobbyConfig.builder()
                .name("bench")
                .tuning(tuning)
                .tickRateHz(tickRateHz)
                .maxPlayers(maxPlayers)
                .seed(seed)
                .autoTick(false)
                .clientThreads(pool)
                .build());
        lobby.start();
    }

    @Override
    public int join(String name) {
        int id = lobby.join(name);
        if (id <= 0) {
            throw new IllegalStateException("join failed: " + id);
        }
        return id;
    }

    @Override
    public void attach(ClientSink sink) {
        lobby.attach(sink);
    }

    @Override
    public void submitInput(int playerId, double thrust, double turn, boolean shoot, long inputSeq) {
        InputResult r = lobby.submitInput(playerId, thrust, turn, shoot, inputSeq);
        if (r != InputResult.ACCEPTED) {
            throw new IllegalStateException("input not accepted: " + r);
        }
    }

    @Override
    public void tickNow() {
        InputResult r = lobby.tickNow();
        if (r != InputResult.ACCEPTED) {
            throw new IllegalStateException("tick not accepted: " + r);
        }
    }

    @Override
    public void close() {
        lobby.stop(Duration.ofSeconds(3));
        pool.close();
    }
}
