package org.jetraiders.server.transport;

import java.util.concurrent.atomic.AtomicInteger;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.protocol.json.ErrorCode;
import org.jetraiders.server.protocol.json.ServerMessages;

/**
 * Whom a spectator follows. The choice ({@code Spectate}) arrives on the selector thread and is
 * checked against the next snapshot on the spectator's consumer thread, where the lobby's players are
 * known exactly: a player in it is followed (answered by {@code Spectating}), one not in it gets
 * {@code Error unknown_player} and the choice stands as it was. When a followed player leaves the
 * lobby, the spectator is told it roams now ({@code Spectating} with {@code player_id} null).
 *
 * <p>Every snapshot carries every plane, so following is the client's camera; the server's part is
 * to keep the choice valid. Nothing is allocated unless something changed.
 */
final class SpectatorFollow {
    private static final int NO_REQUEST = -1;

    private final String lobbyName;
    private final AtomicInteger requested = new AtomicInteger(NO_REQUEST);
    private int following; // consumer thread only; 0: roaming

    SpectatorFollow(String lobbyName) {
        this.lobbyName = lobbyName;
    }

    /** Selector thread: follow {@code playerId} from the next snapshot on, or roam (0). */
    void request(int playerId) {
        requested.set(playerId);
    }

    /** Consumer thread, before each snapshot is sent. */
    void check(Snapshot snapshot, FrameSender sender) {
        int request = requested.get() == NO_REQUEST ? NO_REQUEST : requested.getAndSet(NO_REQUEST);
        if (request != NO_REQUEST) {
            if (request == 0 || snapshot.indexOfPlane(request) >= 0) {
                following = request;
                sender.send(ServerMessages.spectating(lobbyName, request));
            } else {
                sender.send(ServerMessages.error(ErrorCode.UNKNOWN_PLAYER, "no player " + request + " in lobby '"
                        + lobbyName + "'; " + (following == 0 ? "still roaming" : "still following " + following)));
            }
        } else if (following != 0 && snapshot.indexOfPlane(following) < 0) {
            following = 0; // the player left the lobby
            sender.send(ServerMessages.spectating(lobbyName, 0));
        }
    }
}
