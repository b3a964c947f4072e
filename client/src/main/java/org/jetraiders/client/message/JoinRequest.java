package org.jetraiders.client.message;

/**
 * What a {@code Join} asks for. Every field is optional (null): with a session token the server uses
 * the token's name; without one, {@code name} (if the server allows anonymous players, its default).
 *
 * @param name         display name, when joining without a session token
 * @param sessionToken the {@code session_token} of a guest login
 * @param lobbyId      the lobby to join (created on demand); null for the connection's or the default one
 */
public record JoinRequest(String name, String sessionToken, String lobbyId) {
    /** Join under a display name, without a login. */
    public static JoinRequest named(String name) {
        return new JoinRequest(name, null, null);
    }

    /** Join with the session token of a guest login, as the Godot client does. */
    public static JoinRequest withToken(String sessionToken) {
        return new JoinRequest(null, sessionToken, null);
    }

    /** The same request for another lobby. */
    public JoinRequest inLobby(String lobby) {
        return new JoinRequest(name, sessionToken, lobby);
    }
}
