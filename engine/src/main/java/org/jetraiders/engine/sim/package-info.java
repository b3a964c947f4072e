/**
 * INTERNAL. The pure, single-threaded, deterministic simulation: world state in flat arrays, the
 * tick in the order GAME_RULES.md gives, the hit grid. Only a lobby's game-loop thread touches a
 * {@link org.jetraiders.engine.sim.World}; no clock, no I/O, no allocation in a steady-state step.
 */
package org.jetraiders.engine.sim;
