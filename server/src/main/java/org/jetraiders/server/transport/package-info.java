/**
 * The game's WebSocket endpoint on Java-WebSocket: admitting sockets, each connection's protocol
 * state machine, and the direct send path for snapshots.
 *
 * <p>Threads: the library's one selector thread accepts sockets (the connection caps are enforced
 * there, see {@link org.jetraiders.server.transport.AdmittingChannelFactory}), reads and decodes every
 * inbound frame (pongs included), and runs the open, message and close callbacks; its read queues
 * are lock-free and shared by its connections ({@link org.jetraiders.server.transport.NodeFreeReadQueues}).
 * The engine's client consumer threads send snapshots straight to the sockets through
 * {@code FrameSender}, with a keep-alive ping in the tick's batch once per ping interval
 * ({@link org.jetraiders.server.transport.KeepAlive}). The {@code jr-timers} thread runs the join
 * timeouts, the close grace, once a second the sweep that closes sockets whose handshake is overdue
 * ({@link org.jetraiders.server.transport.AdmittedSockets}), and once per ping interval the keep-alive
 * sweep of connections that are not in a lobby; nothing of it runs per tick.
 *
 * <p>A Join is admitted on the selector thread ({@link org.jetraiders.server.transport.LobbyDoor}): a
 * new player, a player taking its plane back (its session or resume token names a seat still in the
 * lobby; an older connection holding it is closed 4001 from there), or a spectator. A spectator's
 * choice of whom to follow ({@link org.jetraiders.server.transport.SpectatorFollow}) is set on the
 * selector thread and checked on its consumer thread against each snapshot. A connection's teardown
 * (on whichever thread saw it close) releases its player's seat: a drop keeps the plane for the
 * reconnect grace, a leave or a kick removes it.
 */
package org.jetraiders.server.transport;
