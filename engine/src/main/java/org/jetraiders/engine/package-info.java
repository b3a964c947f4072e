/**
 * The embedding API of the Jet Raiders engine: build a {@link org.jetraiders.engine.Lobby} from a
 * {@link org.jetraiders.engine.LobbyConfig}, start it, join players, submit inputs, attach
 * {@link org.jetraiders.engine.ClientSink}s, read status and scores, stop; read a lobby's counters
 * ({@link org.jetraiders.engine.LobbyMetrics}) from any thread, or be told every tick's duration on its
 * game-loop thread ({@link org.jetraiders.engine.TickObserver}) to feed a metrics library of your own.
 *
 * <p>Record lobbies into journal files with a {@link org.jetraiders.engine.journal.Journaler}
 * ({@link org.jetraiders.engine.LobbyConfig.Builder#journaler}), replay them with
 * {@link org.jetraiders.engine.journal.Replay}, and start a lobby from a journal after a crash with
 * {@link org.jetraiders.engine.journal.RestorePoint} ({@link org.jetraiders.engine.LobbyConfig.Builder#restoreFrom}).
 *
 * <p>Every public method here is thread-safe unless its doc says otherwise. Nothing in this package
 * or below opens a socket or knows a wire format: transports plug in through
 * {@link org.jetraiders.engine.ClientSink} and {@link org.jetraiders.engine.SnapshotEncoder}.
 * The {@code sim} and {@code pipeline} packages are internal.
 */
package org.jetraiders.engine;
