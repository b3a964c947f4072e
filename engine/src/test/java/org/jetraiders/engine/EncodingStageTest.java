package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.SnapshotCopy;
import org.jetraiders.engine.support.TestLobbies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Encoders run once per snapshot on the encoding stage, and every consumer sees their bytes. */
@Timeout(30)
class EncodingStageTest {
    private static final long FAILING_TICK = 5;

    /** tick (8 bytes) + plane count (4 bytes). */
    private static byte[] expected(long tick, int planes) {
        return ByteBuffer.allocate(12).putLong(tick).putInt(planes).array();
    }

    @Test
    void shouldShowEveryConsumerTheEncodedBytesOffTheGameLoop() throws Exception {
        Set<String> encoderThreads = ConcurrentHashMap.newKeySet();
        ConcurrentHashMap<Long, Integer> encodeCalls = new ConcurrentHashMap<>();
        SnapshotEncoder tickEncoder = (s, out) -> {
            encoderThreads.add(Thread.currentThread().getName());
            encodeCalls.merge(s.tick(), 1, Integer::sum);
            out.put(expected(s.tick(), s.planeCount()), 0, 12);
        };
        SnapshotEncoder flaky = (s, out) -> {
            out.putAscii("partial");
            if (s.tick() == FAILING_TICK) {
                throw new IllegalStateException("encoder bug on tick " + s.tick());
            }
            out.putAscii("-ok");
        };
        Lobby lobby = Lobby.create(TestLobbies.manual("enc1").encoders(List.of(tickEncoder, flaky)).build());
        lobby.start();
        try {
            List<RecordingSink> sinks = List.of(new RecordingSink(2), new RecordingSink(2), new RecordingSink(2));
            for (RecordingSink s : sinks) {
                lobby.attach(s);
            }
            lobby.join("a");
            long last = TestLobbies.tick(lobby, 10);
            for (RecordingSink sink : sinks) {
                sink.awaitTick(last);
                List<SnapshotCopy> snaps = sink.snapshots();
                assertEquals(10, snaps.size());
                for (SnapshotCopy s : snaps) {
                    assertArrayEquals(expected(s.tick, s.planeCount), s.encoded(0), "encoder 0 bytes at " + s);
                    byte[] second = s.encoded(1);
                    if (s.tick == FAILING_TICK) {
                        assertEquals(0, second.length, "a failed encoding leaves the buffer empty");
                    } else {
                        assertEquals("partial-ok", new String(second, java.nio.charset.StandardCharsets.US_ASCII),
                                "encoder 1 bytes at " + s);
                    }
                }
            }
            assertTrue(lobby.isRunning());
            assertEquals(Set.of("jr-enc1-clients-encoder-0"), encoderThreads,
                    "the encoding stage runs on the pool's encoding thread, never on the game loop");
            for (long t = 1; t <= last; t++) {
                assertEquals(1, encodeCalls.get(t), "encoded once per snapshot, tick " + t);
            }
        } finally {
            lobby.stop(Await.LONG);
        }
    }

    @Test
    void shouldNeverRunEncodersOnTheGameLoopEvenWhileTicking() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        // ticking; the watchdogs are not the subject, so a stalled machine must not cut the sink off
        Lobby lobby = Lobby.create(LobbyConfig.builder().name("enc2").tickRateHz(200)
                .sinkBlockTimeout(TestLobbies.NEVER).maxLagTime(TestLobbies.NEVER)
                .encoders(List.of((s, out) -> threads.add(Thread.currentThread().getName()))).build());
        lobby.start();
        try {
            RecordingSink sink = new RecordingSink(1);
            lobby.attach(sink);
            sink.awaitSnapshots(20);
        } finally {
            lobby.stop(Await.LONG);
        }
        assertEquals(1, threads.size(), threads.toString());
        String name = threads.iterator().next();
        assertEquals("jr-enc2-clients-encoder-0", name, "the pool's encoding thread, not the game loop");
    }
}
