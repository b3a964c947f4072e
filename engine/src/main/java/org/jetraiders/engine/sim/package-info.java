/**
 * The pure Jet Raiders simulation: world state, flight, weapons, hit grid and match clock.
 *
 * <p>Single-threaded: only the owning lobby's game-loop thread may touch a {@link
 * org.jetraiders.engine.sim.World} and its {@link org.jetraiders.engine.sim.TickEvents}. Nothing
 * here knows about rings, threads, sockets or wall-clock time; a tick is a plain function over
 * flat primitive arrays, so it is deterministic and testable without a pipeline.
 *
 * <p>INTERNAL: not part of the embedding API.
 */
package org.jetraiders.engine.sim;
