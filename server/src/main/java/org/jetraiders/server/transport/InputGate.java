package org.jetraiders.server.transport;

import org.jetraiders.engine.InputResult;
import org.jetraiders.server.lobby.ManagedLobby;
import org.jetraiders.server.protocol.json.ClientMessage;
import org.jetraiders.server.protocol.json.ErrorCode;
import org.jetraiders.server.protocol.json.ServerMessages;

/**
 * What one connection's inbound messages may do: the rate limit on every message, the count of
 * invalid ones (past {@code --max-invalid-messages} the connection closes) with the error each gets,
 * and an Input's way into the lobby, which only a player that still holds its plane may take.
 *
 * <p>Selector thread only (the rate limiter and the count are plain fields). It is on the path of
 * every Input, so it allocates nothing there.
 */
final class InputGate {
    /** The acknowledged tick of an Input that acknowledges none (JSON; binary ones send a tick ≥ 0). */
    static final long NO_ACK = -1;

    private final TransportContext context;
    private final FrameSender sender;
    private final ConnectionCloser closer;
    private final LobbyMembership membership;
    private final InputRateLimiter rateLimiter;
    private int invalidMessages;

    InputGate(TransportContext context, FrameSender sender, ConnectionCloser closer, LobbyMembership membership,
              long nowNanos) {
        this.context = context;
        this.sender = sender;
        this.closer = closer;
        this.membership = membership;
        this.rateLimiter = new InputRateLimiter(context.config().maxInputsPerSecond(),
                context.config().floodCloseAfter().toNanos(), nowNanos);
    }

    /** Rate limit shared by both frame kinds; false when the message is dropped (or the flood closed). */
    boolean admit(long nowNanos) {
        switch (rateLimiter.onMessage(nowNanos)) {
            case DROP -> {
                context.metrics().rejectedInput("flood");
                return false;
            }
            case CLOSE -> {
                context.metrics().rejectedInput("flood");
                sendError(ErrorCode.INPUT_FLOOD, "more than " + context.config().maxInputsPerSecond()
                        + " messages per second for too long");
                closer.close(CloseReason.INPUT_FLOOD);
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    /**
     * An Input (JSON or binary): submitted for this connection's player, or refused before Join or
     * from a spectator. A binary one also acknowledges the last snapshot its client received.
     *
     * @param ackedTick the acknowledged tick, or {@link #NO_ACK}
     */
    void input(double thrust, double turn, boolean shoot, long seq, long ackedTick) {
        ManagedLobby current = membership.lobby();
        if (current == null) {
            rejectBeforeJoin();
            return;
        }
        if (membership.isSpectator()) {
            rejectSpectatorInput();
            return;
        }
        if (ackedTick != NO_ACK) {
            ConnectionSink s = membership.sink();
            if (s != null) {
                s.snapshotAcknowledged(ackedTick);
            }
        }
        if (membership.isSuperseded()) {
            return; // the plane is another connection's now
        }
        InputResult result = current.lobby().submitInput(membership.playerId(), thrust, turn, shoot, seq);
        if (result != InputResult.ACCEPTED) {
            context.metrics().rejectedInput(result.name().toLowerCase());
        }
    }

    /** A JSON message that did not parse (or is of an unknown type, which is ignored and not counted). */
    void rejectInvalid(ErrorCode error, ClientMessage message) {
        context.metrics().rejectedInput(error.wireCode());
        if (error == ErrorCode.UNKNOWN_TYPE) {
            sendError(error, "unknown message type '" + message.unknownType() + "' ignored");
            return; // unknown types are ignored, not held against the client
        }
        sendError(error, message.errorDetail());
        countInvalid(CloseReason.TOO_MANY_INVALID);
    }

    /** A Spectate from a connection that joined as a player. */
    void rejectNotSpectating() {
        context.metrics().rejectedInput("not_spectating");
        sendError(ErrorCode.NOT_SPECTATING, "Spectate is for spectators (Join with \"spectate\":true); ignored");
        countInvalid(CloseReason.TOO_MANY_INVALID);
    }

    private void rejectSpectatorInput() {
        context.metrics().rejectedInput("spectator_input");
        sendError(ErrorCode.SPECTATOR_INPUT, "spectators cannot send Input; it was dropped");
        countInvalid(CloseReason.TOO_MANY_INVALID);
    }

    /** One more invalid message; past {@code --max-invalid-messages} the connection closes with {@code close}. */
    void countInvalid(CloseReason close) {
        if (++invalidMessages > context.config().maxInvalidMessages()) {
            closer.close(close);
        }
    }

    void rejectBeforeJoin() {
        context.metrics().rejectedInput("join_required");
        sendError(ErrorCode.JOIN_REQUIRED, "send Join before Input");
        closer.close(CloseReason.JOIN_REQUIRED);
    }

    void sendError(ErrorCode code, String detail) {
        sender.send(ServerMessages.error(code, detail));
    }
}
