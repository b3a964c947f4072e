package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor;
import org.jetraiders.server.protocol.binary.BinaryWriter;
import org.jetraiders.server.protocol.binary.client.BinaryInputEncoder;
import org.junit.jupiter.api.Test;

/**
 * 100,000 random and mutated binary frames at a running server: it answers each with an error or
 * applies it, never falls over, stays healthy, and a bystander in the same lobby keeps its stream.
 */
class BinaryFuzzIT {
    private static final int FRAMES = 100_000;
    private static final int BATCH = 1_000;
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(125); // 8,000 frames/s

    /** A JSON Ping answered means the server has handled every frame sent before it (one worker per connection). */
    private static void roundTrip(FuzzClient fuzz) throws InterruptedException {
        fuzz.send("{\"type\":\"Ping\",\"data\":{}}");
        assertTrue(fuzz.pongs.tryAcquire(30, TimeUnit.SECONDS), "the server must keep answering");
    }

    /** Sends frames and only counts what comes back: 100,000 Error replies are not worth keeping. */
    private static final class FuzzClient extends WebSocketClient {
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch identified = new CountDownLatch(1);
        final AtomicLong errors = new AtomicLong();
        final java.util.concurrent.Semaphore pongs = new java.util.concurrent.Semaphore(0);
        volatile int closeCode = -1;

        FuzzClient(URI uri) {
            super(uri, new Draft_6455(Collections.emptyList(), List.of(new Protocol(BinaryProtocolDescriptor.SUBPROTOCOL))));
        }

        @Override public void onOpen(ServerHandshake h) { opened.countDown(); }
        @Override public void onMessage(String m) {
            if (m.contains("\"Identity\"")) {
                identified.countDown();
            } else if (m.contains("\"Error\"")) {
                errors.incrementAndGet();
            } else if (m.contains("\"Pong\"")) {
                pongs.release();
            }
        }
        @Override public void onMessage(ByteBuffer b) { }
        @Override public void onClose(int code, String reason, boolean remote) { closeCode = code; opened.countDown(); }
        @Override public void onError(Exception ex) { }
    }

    @Test
    void shouldStayHealthyUnderAHundredThousandRandomAndMutatedBinaryFrames() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(ServerFixture.config()
                .maxInputsPerSecond(10_000).maxInvalidMessages(1_000_000))) {
            TestClient bystander = fixture.joined("main", "bystander");
            FuzzClient fuzz = new FuzzClient(fixture.wsUri("/ws"));
            fuzz.connect();
            assertTrue(fuzz.opened.await(10, TimeUnit.SECONDS));
            fuzz.send("{\"type\":\"Join\",\"data\":{\"name\":\"fuzz\"}}");
            assertTrue(fuzz.identified.await(10, TimeUnit.SECONDS));

            SplittableRandom random = new SplittableRandom(7);
            BinaryWriter valid = new BinaryWriter(32);
            long tickBefore = bystander.lastTick();
            long batchStart = System.nanoTime();
            for (int n = 0; n < FRAMES; n++) {
                byte[] frame;
                if (random.nextBoolean()) {
                    frame = new byte[random.nextInt(0, 48)];
                    random.nextBytes(frame);
                } else {
                    valid.reset();
                    BinaryInputEncoder.encode(random.nextDouble(-1, 1), random.nextDouble(-1, 1), random.nextBoolean(),
                            n + 1, random.nextLong(0, 1_000), valid);
                    frame = mutate(valid.toByteArray(), random);
                }
                fuzz.send(ByteBuffer.wrap(frame));
                if ((n + 1) % BATCH == 0) {
                    roundTrip(fuzz); // every frame so far has been handled
                    // pace below the raised rate limit (10,000/s) so frames are decoded, not dropped as a flood
                    long batchEnd = batchStart + BATCH_NANOS;
                    while (System.nanoTime() < batchEnd) {
                        java.util.concurrent.locks.LockSupport.parkNanos(batchEnd - System.nanoTime());
                    }
                    batchStart = System.nanoTime();
                }
            }
            roundTrip(fuzz);

            assertEquals(-1, fuzz.closeCode, "the fuzzing client stays connected (its limits were raised)");
            long rejected = fixture.server().metrics().rejectedInputs("binary_malformed")
                    + fixture.server().metrics().rejectedInputs("binary_unsupported_version")
                    + fixture.server().metrics().rejectedInputs("binary_unknown_kind");
            assertTrue(rejected > FRAMES / 4, "malformed frames are counted: " + rejected);
            assertEquals(0, fixture.server().metrics().rejectedInputs("flood"), "pacing kept us under the limit");
            ServerFixture.awaitCondition("an Error reply for each rejected frame", () -> fuzz.errors.get() == rejected);
            bystander.awaitWorldUpdateAfter(tickBefore + 60);
            // the fuzz may have made a few ticks late on a loaded machine; the lobby must be healthy again
            fixture.awaitHealthy();
            // the server still serves a well-formed client normally
            TestClient late = fixture.joined("main", "late");
            late.awaitWorldUpdateAfter(late.lastTick() + 5);
            fuzz.close();
        }
    }

    private static byte[] mutate(byte[] frame, SplittableRandom random) {
        byte[] out = frame.clone();
        switch (random.nextInt(4)) {
            case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length));
            case 2 -> {
                out = java.util.Arrays.copyOf(out, out.length + random.nextInt(1, 16));
                for (int i = frame.length; i < out.length; i++) {
                    out[i] = (byte) random.nextInt(256);
                }
            }
            default -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }
}
