package org.jetraiders.engine.pipeline;

/** A slot of the input ring: one join, leave, input, tick or stop, reset in place by each publisher. */
public final class InputEvent {
    public static final int JOIN = 1;
    public static final int LEAVE = 2;
    public static final int INPUT = 3;
    public static final int TICK = 4;
    public static final int STOP = 5;

    int type;
    int playerId;
    String name;
    double thrust;
    double turn;
    boolean shoot;
    long inputSeq;
    long deadlineNanos;

    public void setJoin(int playerId, String name) {
        reset(JOIN, playerId);
        this.name = name;
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
        this.thrust = 0;
        this.turn = 0;
        this.shoot = false;
        this.inputSeq = 0;
        this.deadlineNanos = 0;
    }

    public int type() {
        return type;
    }
}
