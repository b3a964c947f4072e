package org.jetraiders.server.agones;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jetraiders.server.lobby.LobbyManager;
import org.jetraiders.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's side of Agones: Ready once both ports accept connections, health pings while every
 * lobby ticks on time, the {@code lobbies} list and {@code players} counter kept current, lobbies
 * opened for allocations, and (optionally) shutdown once allocated and empty. Everything runs on the
 * {@code jr-agones} thread; a failing or missing sidecar is logged, counted and retried, and never
 * touches the game. {@link #lobbyOpened}/{@link #lobbyRetired} only wake that thread.
 */
public final class AgonesAgent implements LobbyManager.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgonesAgent.class);
    /** The largest capacity Agones accepts for a list. */
    static final int MAX_LIST_CAPACITY = 1000;

    private final AgonesSettings settings;
    private final LobbyHost host;
    private final AgonesThread thread = new AgonesThread();
    private final WatchStream watch;
    private final ReadyAnnouncer ready;
    private final HealthPinger health;
    private final LobbySync sync;
    private final EmptyShutdown emptyShutdown;
    private final AtomicBoolean syncRequested = new AtomicBoolean();

    /**
     * @param ports           the game and HTTP endpoints as reachable from this machine (checked before Ready)
     * @param maxLobbies      capacity of the {@code lobbies} list
     * @param playersCapacity capacity of the {@code players} counter
     */
    public AgonesAgent(AgonesSettings settings, LobbyHost host, ServerMetrics metrics, List<InetSocketAddress> ports,
                       int maxLobbies, long playersCapacity) {
        this.settings = settings;
        this.host = host;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // the sidecar's gateway speaks plain HTTP/1.1
                .connectTimeout(settings.requestTimeout())
                .executor(thread)
                .build();
        SdkClient sdk = new SdkClient(http, settings.sdkPort(), settings.requestTimeout());
        FailureLog failures = new FailureLog(metrics, System::nanoTime);
        this.ready = new ReadyAnnouncer(sdk, thread, failures, ports, settings.requestTimeout(), settings.retryMax());
        this.health = new HealthPinger(sdk, host, thread, failures);
        // Agones caps a list at 1000 values; more lobbies than that cannot all be listed
        this.sync = new LobbySync(sdk, host, thread, failures, Math.min(maxLobbies, MAX_LIST_CAPACITY), playersCapacity);
        this.emptyShutdown = new EmptyShutdown(sdk, thread, failures, settings.shutdownWhenEmpty(), System::nanoTime);
        this.watch = new WatchStream(http, sdk, thread, failures, AgonesSettings.LOBBIES_LIST, settings.retryMax(),
                view -> {
                    sync.onGameServer(view);
                    emptyShutdown.onGameServer(view);
                });
    }

    /** Starts talking to the sidecar; returns at once. */
    public void start() {
        LOG.info("Agones: SDK sidecar at 127.0.0.1:{}, health ping every {} ms, list '{}' and counter '{}' synced every {} ms{}",
                settings.sdkPort(), settings.healthPeriod().toMillis(), AgonesSettings.LOBBIES_LIST,
                AgonesSettings.PLAYERS_COUNTER, settings.syncPeriod().toMillis(),
                settings.shutdownWhenEmpty().isZero() ? ""
                        : ", shutdown after " + settings.shutdownWhenEmpty().toSeconds() + " s empty once allocated");
        thread.execute(ready::attempt);
        thread.execute(watch::start);
        thread.every(health::ping, settings.healthPeriod());
        thread.every(this::syncRound, settings.syncPeriod());
    }

    @Override
    public void lobbyOpened(String name) {
        requestSync();
    }

    @Override
    public void lobbyRetired(String name) {
        requestSync();
    }

    /** Stops every call and timer; the GameServer is left as it is (Agones is stopping us, or we asked it to). */
    @Override
    public void close() {
        watch.stop();
        thread.stop();
    }

    /** Coalesces wake-ups from lobby events, which may come from a client's thread. */
    private void requestSync() {
        if (syncRequested.compareAndSet(false, true)) {
            thread.execute(this::syncRound);
        }
    }

    private void syncRound() {
        syncRequested.set(false);
        sync.sync();
        emptyShutdown.check(host.players());
    }
}
