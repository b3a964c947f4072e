package org.jetraiders.engine.pipeline;

/**
 * A slot of the input ring: one join, leave, disconnect, input, tick or stop, reset in place by each
 * publisher. The game loop stamps a TICK with the tick it stepped (and, every checksum interval, the
 * world's checksum) for the journal, which reads slots after the game loop (see {@code journal.LobbyJournal}).
 */
public final class InputEvent {
    public static final int JOIN = 1;
    public static final int LEAVE = 2;
    public static final int INPUT = 3;
    public static final int TICK = 4;
    public static final int STOP = 5;
    /**
     * The player's connection ended but its plane stays (a reconnect grace): its held input becomes
     * neutral and its input sequence restarts, so a resuming client's first inputs are not stale.
     */
    public static final int DISCONNECT = 6;

    int type;
    int playerId;
    String name;
    long clientKey;
    double thrust;
    double turn;
    boolean shoot;
    long inputSeq;
    long deadlineNanos;
    // written by the game loop while it handles a TICK
    long stampedTick;
    boolean hasChecksum;
    int checksum;

    /** @param clientKey the embedder's opaque key of this player (0: none), recorded with the join */
    public void setJoin(int playerId, String name, long clientKey) {
        reset(JOIN, playerId);
        this.name = name;
        this.clientKey = clientKey;
    }

    public void setDisconnect(int playerId) {
        reset(DISCONNECT, playerId);
    }

    public void setLeave(int playerId) {
        reset(LEAVE, playerId);
    }

    public void setInput(int playerId, double thrust, double turn, boolean shoot, long inputSeq) {
        reset(INPUT, playerId);
        this.thrust = thrust;
        this.turn = turn;
        this.shoot = shoot;
        this.inputSeq = inputSeq;
    }

    public void setTick(long deadlineNanos) {
        reset(TICK, 0);
        this.deadlineNanos = deadlineNanos;
    }

    public void setStop() {
        reset(STOP, 0);
    }

    private void reset(int type, int playerId) {
        this.type = type;
        this.playerId = playerId;
        this.name = null;
        this.clientKey = 0;
        this.thrust = 0;
        this.turn = 0;
        this.shoot = false;
        this.inputSeq = 0;
        this.deadlineNanos = 0;
        this.stampedTick = -1;
        this.hasChecksum = false;
        this.checksum = 0;
    }

    /** Game loop, handling this TICK: the tick the world stepped to, and its checksum when one is due. */
    public void stamp(long tick, boolean withChecksum, int worldChecksum) {
        this.stampedTick = tick;
        this.hasChecksum = withChecksum;
        this.checksum = worldChecksum;
    }

    public int type() {
        return type;
    }

    public int playerId() {
        return playerId;
    }

    /** JOIN: the key the embedder gave the player (a server's reconnect key), 0 for none. */
    public long clientKey() {
        return clientKey;
    }

    /** A JOIN's name (kept in the slot after the game loop applied it: the journal reads it later). */
    public String name() {
        return name;
    }

    public double thrust() {
        return thrust;
    }

    public double turn() {
        return turn;
    }

    public boolean shoot() {
        return shoot;
    }

    public long inputSeq() {
        return inputSeq;
    }

    /** For a TICK the game loop handled: the world's tick after the step; -1 before. */
    public long stampedTick() {
        return stampedTick;
    }

    public boolean hasChecksum() {
        return hasChecksum;
    }

    public int checksum() {
        return checksum;
    }
}
