package org.jetraiders.engine.pipeline;

import org.jetraiders.engine.sim.World;

/**
 * What the game loop does for a lobby's journal after each step, on the game-loop thread: stamp the
 * TICK event with the tick (and a checksum every interval) and, every few seconds, hand a world image
 * to the journal. Must be quick, must not block and should not allocate.
 */
public interface TickCapture {
    /** Captures nothing: lobbies without a journal. */
    TickCapture NONE = (world, tick) -> { };

    /** @param tick the TICK event being handled; stamp it with {@link InputEvent#stamp} */
    void afterStep(World world, InputEvent tick);
}
