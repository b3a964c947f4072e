package org.jetraiders.server.lobby;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetraiders.engine.journal.RestorePoint;
import org.jetraiders.engine.journal.RestoredPlayer;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.journal.CrashRecovery;
import org.jetraiders.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts again the lobbies the server was running when it died ({@link CrashRecovery}): each from its
 * restored world, its players who can come back held for the reconnect grace; a lobby that cannot be
 * restored (invalid name, over {@code --max-lobbies}, failed to start) is logged and counted, never
 * fatal. The default lobby goes first ({@link #restoreDefault}), then the others
 * ({@link #restoreOthers}), in the order they were found.
 *
 * <p>Threads: the main thread only, from {@link LobbyManager}'s constructor, before any connection
 * or timer can see the lobbies.
 */
final class LobbyRestorer {
    /** Restores are logged under crash recovery's name: one logger to watch (or enable) for all of it. */
    private static final Logger RECOVERY_LOG = LoggerFactory.getLogger(CrashRecovery.class);

    private final ServerConfig config;
    private final ServerMetrics metrics;
    private final LobbyFactory factory;
    /** What is left to restore, by lobby name. */
    private final Map<String, CrashRecovery.Found> toRestore = new LinkedHashMap<>();

    LobbyRestorer(ServerConfig config, ServerMetrics metrics, LobbyFactory factory, List<CrashRecovery.Found> recovered) {
        this.config = config;
        this.metrics = metrics;
        this.factory = factory;
        for (CrashRecovery.Found found : recovered) {
            toRestore.put(found.lobby(), found);
        }
    }

    /** The default lobby from its crashed world, made permanent; null if there is none, or it did not start. */
    ManagedLobby restoreDefault() {
        CrashRecovery.Found defaultFound = toRestore.remove(config.defaultLobby());
        return defaultFound == null ? null : restore(defaultFound, true);
    }

    /**
     * Every other recovered lobby, into {@code lobbies} (the default one already there) while they stay
     * under {@code --max-lobbies}.
     */
    void restoreOthers(Map<String, ManagedLobby> lobbies) {
        for (CrashRecovery.Found found : toRestore.values()) {
            if (!LobbyManager.isValidName(found.lobby()) || lobbies.size() >= config.maxLobbies()) {
                refuseRestore(found, LobbyManager.isValidName(found.lobby()) ? "lobby_limit" : "invalid_lobby",
                        LobbyManager.isValidName(found.lobby()) ? "--max-lobbies " + config.maxLobbies() + " reached"
                                : "not a valid lobby name");
                continue;
            }
            ManagedLobby lobby = restore(found, false);
            if (lobby != null) {
                lobbies.put(found.lobby(), lobby);
            }
        }
    }

    /**
     * A lobby from the world a crash left: started, every player who can come back (one with a resume
     * key) held for the reconnect grace with a neutral input, the others (bots, or everyone when there
     * is no grace) removed.
     *
     * @return the lobby, or null (logged, counted) if it could not be started from that world
     */
    private ManagedLobby restore(CrashRecovery.Found found, boolean permanent) {
        long started = System.nanoTime();
        RestorePoint point = found.point();
        ManagedLobby managed;
        try {
            managed = factory.create(found.lobby(), null, permanent, point);
        } catch (RuntimeException e) {
            refuseRestore(found, "start_failed", e.toString());
            return null;
        }
        int held = 0;
        long now = System.nanoTime();
        boolean graceful = !config.reconnectGrace().isZero();
        for (RestoredPlayer player : point.players()) {
            if (graceful && player.clientKey() != 0 && managed.restoreHeldPlayer(player.id(), player.clientKey(), now)) {
                managed.lobby().disconnect(player.id()); // as a drop: input neutral, the client's seq starts afresh
                held++;
            } else {
                managed.lobby().leave(player.id()); // nobody can come back for it
            }
        }
        metrics.lobbyRestored(held);
        long ms = (found.restoreNanos() + System.nanoTime() - started) / 1_000_000;
        RECOVERY_LOG.info("lobby {} restored from {} at tick {} (match {}): {} players held for {} s to resume, {} removed; "
                        + "{} ms (re-simulated {} ticks after the snapshot at tick {}{})", found.lobby(), found.file(),
                point.tick(), point.header().matchNumber(), held, config.reconnectGrace().toSeconds(),
                point.players().size() - held, ms, point.report().ticks(), point.report().startTick(),
                point.report().torn() ? "; torn tail dropped: " + point.report().tornReason() : "");
        return managed;
    }

    private void refuseRestore(CrashRecovery.Found found, String reason, String why) {
        RECOVERY_LOG.warn("crash recovery: lobby {} from {} not restored: {}", found.lobby(), found.file(), why);
        metrics.lobbyRestoreFailed(reason);
    }
}
