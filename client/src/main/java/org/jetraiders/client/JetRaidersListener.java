package org.jetraiders.client;

import org.jetraiders.client.message.Envelope;
import org.jetraiders.client.message.GameState;
import org.jetraiders.client.message.Identity;
import org.jetraiders.client.message.KillFeed;
import org.jetraiders.client.message.Pong;
import org.jetraiders.client.message.Scoreboard;
import org.jetraiders.client.message.ServerError;
import org.jetraiders.client.world.WorldSnapshot;

/**
 * What a {@link JetRaidersClient} receives, one call per message; implement the ones you need (every
 * method does nothing by default).
 *
 * <p>Threads: called on the connection's read thread, one call at a time, in the order the server
 * sent the messages (see the package doc). Return quickly, and never wait there for another message
 * (for example by calling {@link JetRaidersClient#join}, which refuses to run on that thread): the
 * next message cannot be read until the call returns. An exception thrown by a listener goes to the
 * thread's uncaught-exception handler (by default printed to stderr); the connection and the other
 * listeners carry on.
 */
public interface JetRaidersListener {
    /** {@code Identity}: the join succeeded; this is the player's (and its plane's) id. */
    default void onIdentity(Identity identity) {
    }

    /**
     * A world snapshot, from a JSON {@code WorldUpdate} or a binary world frame (rebuilt from its
     * baselines). Its {@code ack} has already been applied to {@link JetRaidersClient#inputs()}.
     */
    default void onWorld(WorldSnapshot world) {
    }

    /** {@code GameState}: the lobby's status changed (and once after {@code Identity}). */
    default void onGameState(GameState state) {
    }

    /** {@code Scoreboard}: on every score or player change, and at least once a second. */
    default void onScoreboard(Scoreboard scoreboard) {
    }

    /** {@code KillFeed}: the kills of one tick. */
    default void onKillFeed(KillFeed killFeed) {
    }

    /** {@code Lagged}: this client read too slowly and {@code missed} world snapshots were skipped for it. */
    default void onLagged(long missed) {
    }

    /** {@code Pong}: the answer to {@link JetRaidersClient#ping()}. */
    default void onPong(Pong pong) {
    }

    /** {@code Error}: the server rejected something this client sent. */
    default void onServerError(ServerError error) {
    }

    /**
     * Every JSON message, known types included (after their own call) and types this library does not
     * know (a later server's additions), as it came.
     */
    default void onMessage(Envelope message) {
    }

    /**
     * A frame this client could not use: text that is not a protocol message, a message whose fields
     * are malformed, a binary frame on a JSON connection, or a binary world frame that did not decode
     * (after which the client resyncs: it acknowledges tick 0 until the server's next full frame).
     */
    default void onUnreadable(String problem) {
    }

    /** The connection closed (the last call). Not called when {@code connect()} itself failed. */
    default void onClose(CloseInfo close) {
    }
}
