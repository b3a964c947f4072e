package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The selector thread's read-buffer queues never block: they hand buffers back, refuse, or make one. */
class SelectorThreadQueueTest {
    @Test
    void shouldHandBackTheMostRecentlyReturnedBufferFirst() {
        SelectorThreadQueue pool = new SelectorThreadQueue(4, null);
        ByteBuffer older = ByteBuffer.allocate(8);
        ByteBuffer newer = ByteBuffer.allocate(8);
        pool.put(older);
        pool.put(newer);
        assertSame(newer, pool.peek());
        assertSame(newer, pool.take(), "the warmest buffer first");
        assertSame(older, pool.poll());
        assertNull(pool.poll());
        assertEquals(0, pool.size());
    }

    @Test
    void shouldMakeANewBufferWhenTakenEmptyInsteadOfBlockingTheSelector() {
        List<ByteBuffer> made = new ArrayList<>();
        SelectorThreadQueue pool = new SelectorThreadQueue(4, () -> {
            ByteBuffer b = ByteBuffer.allocate(16);
            made.add(b);
            return b;
        });
        ByteBuffer taken = pool.take();
        assertEquals(List.of(taken), made);
    }

    @Test
    void shouldRefuseAReadHandedOffBeforeTheLastWasTakenRatherThanMixConnections() {
        SelectorThreadQueue handOff = new SelectorThreadQueue(1, null);
        handOff.put(ByteBuffer.allocate(8));
        assertFalse(handOff.offer(ByteBuffer.allocate(8)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> handOff.put(ByteBuffer.allocate(8)));
        assertEquals("a selector-thread queue of 1 read buffers is full", e.getMessage());
        handOff.poll();
        assertThrows(IllegalStateException.class, handOff::take, "an empty hand-off has nothing to make");
    }
}
