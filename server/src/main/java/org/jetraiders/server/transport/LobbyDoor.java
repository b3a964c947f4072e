package org.jetraiders.server.transport;

import java.net.InetAddress;
import java.util.Optional;
import org.jetraiders.engine.Lobby;
import org.jetraiders.server.auth.GuestIdentity;
import org.jetraiders.server.auth.NameSanitizer;
import org.jetraiders.server.lobby.LobbyEntry;
import org.jetraiders.server.lobby.ManagedLobby;
import org.jetraiders.server.lobby.Seats;
import org.jetraiders.server.protocol.json.ClientMessage;
import org.jetraiders.server.protocol.json.ErrorCode;

/**
 * Decides what a {@code Join} gets, and claims it: the session token checked, then either a
 * spectator's place in an existing lobby, the plane of a player coming back (its session token or
 * resume token names a seat still in the lobby, see {@link Seats}), or a new player. The connection
 * applies the result ({@link Admission}): it sends Identity or Spectating and attaches its sink.
 * While the server stops, every Join is answered as the stop answers everyone: Stopping, then 1001.
 *
 * <p>Selector thread only (a connection's Join); stateless apart from the shared context.
 */
final class LobbyDoor {
    private final TransportContext context;

    LobbyDoor(TransportContext context) {
        this.context = context;
    }

    /**
     * @param queryLobby the {@code ?lobby_id=} of the connection, or null
     * @param address    the client's address, charged if its Join creates a lobby
     * @param holder     the connection, which holds the seat of a player admitted
     */
    Admission admit(ClientMessage join, String queryLobby, InetAddress address, Seats.Holder holder) {
        String token = join.sessionToken();
        String displayName = NameSanitizer.sanitize(join.name());
        boolean hasToken = token != null && !token.isEmpty();
        if (hasToken) {
            Optional<GuestIdentity> identity = context.auth().verify(token);
            if (identity.isEmpty()) {
                context.metrics().rejectedInput("invalid_token");
                return Admission.refused(ErrorCode.INVALID_TOKEN, "session token is invalid or expired; log in again",
                        CloseReason.INVALID_TOKEN);
            }
            // a token says who the player is: its name wins over any name in the Join (else anyone
            // holding a token could play as anyone, even where anonymous play is off)
            displayName = identity.get().displayName();
        } else if (!context.config().allowAnonymous()) {
            context.metrics().rejectedInput("token_required");
            return Admission.refused(ErrorCode.INVALID_TOKEN, "this server requires a session token from /guest/login",
                    CloseReason.TOKEN_REQUIRED);
        }
        if (context.lobbies().isClosed()) {
            return Admission.serverStopping(); // (a stop that begins after this is answered the same way below)
        }
        String lobbyName = firstNonBlank(join.lobbyId(), queryLobby, context.config().defaultLobby());
        if (join.spectate()) {
            return spectate(lobbyName);
        }
        long sessionKey = hasToken ? context.resumeKeys().keyOfSession(token) : 0;
        long presentedKey = 0;
        ErrorCode warning = null;
        if (join.resumeToken() != null && !join.resumeToken().isEmpty()) {
            presentedKey = context.resumeKeys().keyOfToken(join.resumeToken());
            if (presentedKey == 0) {
                context.metrics().rejectedInput("invalid_resume_token");
                warning = ErrorCode.INVALID_RESUME_TOKEN;
            }
        }
        ManagedLobby existing = context.lobbies().find(lobbyName);
        if (existing != null) {
            for (long key : new long[] {presentedKey, sessionKey}) {
                Seats.Resumption back = existing.seats().resume(key, holder);
                if (back != null) {
                    context.metrics().playerResumed();
                    return Admission.player(existing, back.playerId(), displayName,
                            context.resumeKeys().tokenFor(key), true, warning);
                }
            }
        }
        long key = sessionKey != 0 ? sessionKey : context.resumeKeys().newAnonymousKey();
        return enterAsNewPlayer(lobbyName, displayName, key, address, holder, warning);
    }

    private Admission enterAsNewPlayer(String lobbyName, String displayName, long key, InetAddress address,
                                       Seats.Holder holder, ErrorCode warning) {
        LobbyEntry entry = context.lobbies().enter(lobbyName, address);
        if (!entry.isEntered()) {
            return refuseLobby(lobbyName, entry.refusal());
        }
        ManagedLobby target = entry.lobby();
        Lobby engineLobby = target.lobby();
        int id = engineLobby.join(displayName, key);
        if (id <= 0) {
            target.exit(System.nanoTime());
            return switch (id) {
                case Lobby.JOIN_FULL -> Admission.refused(ErrorCode.LOBBY_FULL, "lobby '" + lobbyName + "' is full ("
                        + engineLobby.config().maxPlayers() + " players)", CloseReason.LOBBY_FULL);
                case Lobby.JOIN_NOT_RUNNING -> context.lobbies().isClosed() ? Admission.serverStopping()
                        : Admission.refused(ErrorCode.LOBBY_UNAVAILABLE, "lobby '" + lobbyName
                                + "' just closed; join again", CloseReason.LOBBY_UNAVAILABLE);
                default -> Admission.refused(ErrorCode.LOBBY_UNAVAILABLE, "lobby '" + lobbyName
                        + "' is too busy to take a player now; join again", CloseReason.LOBBY_UNAVAILABLE);
            };
        }
        target.seats().seat(id, key, holder);
        return Admission.player(target, id, displayName, context.resumeKeys().tokenFor(key), false, warning);
    }

    /** A spectator watches a lobby that exists (it never creates one), up to {@code --max-spectators}. */
    private Admission spectate(String lobbyName) {
        ManagedLobby target = context.lobbies().find(lobbyName);
        if (target == null) {
            return Admission.refused(ErrorCode.LOBBY_UNAVAILABLE, "lobby '" + lobbyName
                    + "' does not exist; spectators watch open lobbies (GET /lobbies)", CloseReason.LOBBY_UNAVAILABLE);
        }
        int max = context.config().maxSpectatorsPerLobby();
        if (!target.enterAsSpectator(max)) {
            if (target.spectators() < max) {
                return Admission.refused(ErrorCode.LOBBY_UNAVAILABLE, "lobby '" + lobbyName + "' just closed",
                        CloseReason.LOBBY_UNAVAILABLE);
            }
            return Admission.refused(ErrorCode.SPECTATORS_FULL, "lobby '" + lobbyName + "' has its maximum of "
                    + max + " spectators", CloseReason.SPECTATORS_FULL);
        }
        context.metrics().spectatorsChanged(1);
        return Admission.spectator(target);
    }

    private Admission refuseLobby(String lobbyName, LobbyEntry.Refusal refusal) {
        if (refusal == LobbyEntry.Refusal.CLOSING) {
            return Admission.serverStopping();
        }
        if (refusal == LobbyEntry.Refusal.ADDRESS_LOBBY_LIMIT) {
            int cap = context.config().maxLobbiesPerAddress();
            return Admission.refused(ErrorCode.TOO_MANY_LOBBIES_FROM_ADDRESS, "lobby '" + lobbyName
                    + "' does not exist and your address already created " + cap + " open lobbies (the limit); join an "
                    + "existing lobby, or create one after one of yours has closed", CloseReason.TOO_MANY_LOBBIES_FROM_ADDRESS);
        }
        String why = switch (refusal) {
            case INVALID_NAME -> "a lobby name is 1-32 characters of A-Z a-z 0-9 _ . -";
            case LOBBY_LIMIT -> "the server runs its maximum of " + context.config().maxLobbies() + " lobbies";
            case ADDRESS_LOBBY_LIMIT, CLOSING -> throw new IllegalStateException("answered above: " + refusal);
        };
        return Admission.refused(ErrorCode.LOBBY_UNAVAILABLE, "lobby '" + lobbyName + "' cannot be opened: " + why,
                CloseReason.LOBBY_UNAVAILABLE);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
