package org.jetraiders.server.lobby;

import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.Snapshot;

/**
 * Computer-controlled planes in one lobby (--bots N). It is a client consumer like any other: each
 * snapshot it receives drives every bot's next input, submitted through the input ring only when it
 * changed (inputs are held by the game loop).
 */
public final class BotSquadron implements ClientSink {
    private final Lobby lobby;
    private final int[] ids;
    private final int[] lastIndex;
    private final double[] lastTurn;
    private final boolean[] lastShoot;
    private final long[] seq;
    private final BotPilot.Decision decision = new BotPilot.Decision();
    private ClientSubscription subscription;

    private BotSquadron(Lobby lobby, int count) {
        this.lobby = lobby;
        this.ids = new int[count];
        this.lastIndex = new int[count];
        this.lastTurn = new double[count];
        this.lastShoot = new boolean[count];
        this.seq = new long[count];
    }

    /** Joins {@code count} bots named bot-1..bot-N and starts flying them. */
    public static BotSquadron launch(Lobby lobby, int count) {
        BotSquadron squadron = new BotSquadron(lobby, count);
        for (int i = 0; i < count; i++) {
            squadron.ids[i] = lobby.join("bot-" + (i + 1));
            squadron.lastTurn[i] = Double.NaN;
        }
        squadron.subscription = lobby.attach(squadron);
        return squadron;
    }

    public int size() {
        return ids.length;
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        for (int b = 0; b < ids.length; b++) {
            if (ids[b] <= 0) {
                continue;
            }
            int index = lastIndex[b];
            if (index >= snapshot.planeCount() || snapshot.planeId(index) != ids[b]) {
                index = snapshot.indexOfPlane(ids[b]);
                lastIndex[b] = Math.max(0, index);
            }
            if (!BotPilot.decide(snapshot, index, decision)) {
                continue;
            }
            double turn = Math.round(decision.turn * 8) / 8.0; // coarse steps: fewer, equally good inputs
            if (turn != lastTurn[b] || decision.shoot != lastShoot[b]) {
                lastTurn[b] = turn;
                lastShoot[b] = decision.shoot;
                lobby.submitInput(ids[b], decision.thrust, turn, decision.shoot, ++seq[b]);
            }
        }
    }

    public void stop() {
        if (subscription != null) {
            subscription.detach();
        }
    }
}
