package org.jetraiders.engine;

/**
 * Writes one wire format's shared bytes for a snapshot. Plugged into a lobby with
 * {@link LobbyConfig.Builder#encoders}; runs on the lobby's encoding stage, once per snapshot,
 * after the game loop published it and before any client consumer sees it. Never on the game loop.
 *
 * <p>Implementations must not throw for any snapshot and should allocate nothing in steady state;
 * an exception is logged by the stage and leaves {@code out} empty for that snapshot.
 */
@FunctionalInterface
public interface SnapshotEncoder {
    void encode(Snapshot snapshot, EncodedBuffer out);
}
