package org.jetraiders.server.protocol.json;

/**
 * One parsed client-to-server message, reused across messages: {@link ClientMessageParser#parse}
 * resets it and fills the fields of its {@link Kind}. Absent optional values read as {@code null}
 * (strings), {@code 0}/{@code false} (input), {@link #NO_SEQ} (seq) and NaN (ping time).
 *
 * <p>Not thread-safe: one instance per connection or per reading thread.
 */
public final class ClientMessage {
    /** What the message was. */
    public enum Kind {
        JOIN,
        INPUT,
        PING,
        /** A spectator chooses whom to follow ({@link #followPlayerId()}), or to roam. */
        SPECTATE,
        /** The player leaves for good: no reconnect grace. */
        LEAVE,
        /** A well-formed message of a type this server does not know; see {@link #unknownType()}. */
        UNKNOWN
    }

    /** {@link #seq()} when the Input carried no {@code seq}. */
    public static final long NO_SEQ = -1;

    private Kind kind = Kind.UNKNOWN;
    private String sessionToken;
    private String name;
    private String lobbyId;
    private String resumeToken;
    private boolean spectate;
    private int followPlayerId;
    private double thrust;
    private double turn;
    private boolean shoot;
    private long seq = NO_SEQ;
    private double pingT = Double.NaN;
    private String unknownType;
    private String errorDetail;

    /** Clears every field (kind becomes UNKNOWN). */
    public void reset() {
        kind = Kind.UNKNOWN;
        sessionToken = null;
        name = null;
        lobbyId = null;
        resumeToken = null;
        spectate = false;
        followPlayerId = 0;
        thrust = 0;
        turn = 0;
        shoot = false;
        seq = NO_SEQ;
        pingT = Double.NaN;
        unknownType = null;
        errorDetail = null;
    }

    public Kind kind() {
        return kind;
    }

    /** Join: the session token from the guest login, or null. */
    public String sessionToken() {
        return sessionToken;
    }

    /** Join: the requested display name, or null. */
    public String name() {
        return name;
    }

    /** Join: the requested lobby, or null. */
    public String lobbyId() {
        return lobbyId;
    }

    /** Join: the resume token an earlier {@code Identity} gave this client, or null. */
    public String resumeToken() {
        return resumeToken;
    }

    /** Join: watch the lobby as a spectator, without a plane. */
    public boolean spectate() {
        return spectate;
    }

    /** Spectate: the player to follow (positive), or 0 to roam. */
    public int followPlayerId() {
        return followPlayerId;
    }

    /** Input: throttle in [-1, 1] (clamped). */
    public double thrust() {
        return thrust;
    }

    /** Input: turn rate in [-1, 1] (clamped); positive turns clockwise. */
    public double turn() {
        return turn;
    }

    /** Input: trigger held. */
    public boolean shoot() {
        return shoot;
    }

    /** Input: the client's non-negative input sequence number, or {@link #NO_SEQ}. */
    public long seq() {
        return seq;
    }

    public boolean hasSeq() {
        return seq != NO_SEQ;
    }

    /** Ping: the client's time to echo in the Pong, or NaN when absent. */
    public double pingT() {
        return pingT;
    }

    /** UNKNOWN: the type name as sent, cut to {@link ClientMessageParser#MAX_TYPE_CHARS} chars; else null. */
    public String unknownType() {
        return unknownType;
    }

    /** After a failed parse: a short constant text saying what was wrong, for the Error message; else null. */
    public String errorDetail() {
        return errorDetail;
    }

    void kind(Kind kind) {
        this.kind = kind;
    }

    void sessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    void name(String name) {
        this.name = name;
    }

    void lobbyId(String lobbyId) {
        this.lobbyId = lobbyId;
    }

    void resumeToken(String resumeToken) {
        this.resumeToken = resumeToken;
    }

    void spectate(boolean spectate) {
        this.spectate = spectate;
    }

    void followPlayerId(int followPlayerId) {
        this.followPlayerId = followPlayerId;
    }

    void thrust(double thrust) {
        this.thrust = thrust;
    }

    void turn(double turn) {
        this.turn = turn;
    }

    void shoot(boolean shoot) {
        this.shoot = shoot;
    }

    void seq(long seq) {
        this.seq = seq;
    }

    void pingT(double pingT) {
        this.pingT = pingT;
    }

    void unknownType(String unknownType) {
        this.unknownType = unknownType;
    }

    void errorDetail(String errorDetail) {
        this.errorDetail = errorDetail;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case JOIN -> "Join(session_token=" + (sessionToken == null ? "null" : "***") + ", name=" + name + ", lobby_id="
                    + lobbyId + ", resume_token=" + (resumeToken == null ? "null" : "***") + ", spectate=" + spectate + ")";
            case INPUT -> "Input(thrust=" + thrust + ", turn=" + turn + ", shoot=" + shoot + ", seq=" + seq + ")";
            case PING -> "Ping(t=" + pingT + ")";
            case SPECTATE -> "Spectate(player_id=" + (followPlayerId == 0 ? "null" : followPlayerId) + ")";
            case LEAVE -> "Leave()";
            case UNKNOWN -> "Unknown(type=" + unknownType + ")";
        };
    }
}
