package org.jetraiders.server.it.support;

import static org.jetraiders.server.it.support.TestClient.entity;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;
import org.jetraiders.engine.PlayerScore;
import org.jetraiders.server.lobby.ManagedLobby;

/**
 * Scores a kill between two test clients: the shooter turns toward the (idle, so stationary) victim
 * and fires when aimed, without ever thrusting, so its own plane stays where it spawned.
 */
public final class Duel {
    private static final Duration TIME_LIMIT = Duration.ofSeconds(40);

    private Duel() {
    }

    /**
     * Steers {@code shooter} until the lobby's scoreboard (read on the server) shows {@code kills} kills
     * for it (a match must be running), then releases the controls: turn 0, no fire.
     */
    public static void shootUntilKills(ManagedLobby lobby, TestClient shooter, String victimId, int kills)
            throws InterruptedException {
        int me = Integer.parseInt(shooter.playerId());
        shootUntil(shooter, victimId, kills + " kills of " + victimId + " by " + me, update -> killsOf(lobby, me) >= kills);
    }

    /**
     * As {@link #shootUntilKills}, for a server in another process (no scoreboard to read on the server):
     * until the shooter's updates no longer show the victim's plane, which they did (shot down, so
     * waiting to respawn).
     */
    public static void shootUntilDown(TestClient shooter, String victimId) throws InterruptedException {
        boolean[] seen = new boolean[1];
        shootUntil(shooter, victimId, victimId + " shot down by " + shooter.playerId(), update -> {
            boolean present = entity(update, victimId) != null;
            seen[0] |= present;
            return seen[0] && !present;
        });
    }

    private static void shootUntil(TestClient shooter, String victimId, String goal, Predicate<JsonObject> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        long lastTick = -1;
        JsonObject update = null;
        while (update == null || !done.test(update)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + goal + " within " + TIME_LIMIT);
            }
            update = shooter.awaitWorldUpdateAfter(lastTick);
            lastTick = update.get("tick").getAsLong();
            JsonObject self = entity(update, shooter.playerId());
            JsonObject target = entity(update, victimId);
            if (self == null || target == null) {
                continue; // not spawned yet, or respawning
            }
            double x = self.get("x").getAsDouble();
            double y = self.get("y").getAsDouble();
            double tx = target.get("x").getAsDouble();
            double ty = target.get("y").getAsDouble();
            double diff = Steering.normalize(Steering.headingTo(x, y, tx, ty) - self.get("rot").getAsDouble());
            boolean aimed = Math.abs(diff) < Math.min(0.2, Math.atan2(12, Math.hypot(tx - x, ty - y)));
            shooter.sendInput(0, Math.max(-1, Math.min(1, diff * 5)), aimed);
        }
        shooter.sendInput(0, 0, false);
    }

    private static int killsOf(ManagedLobby lobby, int playerId) {
        for (PlayerScore score : lobby.lobby().scores()) {
            if (score.playerId() == playerId) {
                return score.kills();
            }
        }
        return -1;
    }

    /** A player's {@code field} ("kills", "deaths") in a Scoreboard's data, or -1 when not listed. */
    public static int score(JsonObject scoreboard, String playerId, String field) {
        for (JsonElement e : scoreboard.getAsJsonArray("players")) {
            JsonObject player = e.getAsJsonObject();
            if (player.get("id").getAsString().equals(playerId)) {
                return player.get(field).getAsInt();
            }
        }
        return -1;
    }
}
