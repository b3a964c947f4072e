package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jetraiders.client.CloseInfo;
import org.jetraiders.client.JetRaidersClient;
import org.jetraiders.client.JetRaidersListener;
import org.jetraiders.client.WireFormat;
import org.jetraiders.client.binary.BinaryInputEncoder;
import org.jetraiders.client.binary.BinaryWriter;
import org.jetraiders.client.message.JoinRequest;
import org.jetraiders.client.message.Pong;
import org.jetraiders.client.message.ServerError;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
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
    private static void roundTrip(JetRaidersClient fuzz, FuzzCounts counts) throws InterruptedException {
        fuzz.ping();
        assertTrue(counts.pongs.tryAcquire(30, TimeUnit.SECONDS), "the server must keep answering");
    }

    /** Only counts what comes back to the fuzzing client: 100,000 Error replies are not worth keeping. */
    private static final class FuzzCounts implements JetRaidersListener {
        final AtomicLong errors = new AtomicLong();
        final Semaphore pongs = new Semaphore(0);
        volatile int closeCode = -1;

        @Override public void onServerError(ServerError error) { errors.incrementAndGet(); }
        @Override public void onPong(Pong pong) { pongs.release(); }
        @Override public void onClose(CloseInfo close) { closeCode = close.code(); }
    }

    @Test
    void shouldStayHealthyUnderAHundredThousandRandomAndMutatedBinaryFrames() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(ServerFixture.config()
                .maxInputsPerSecond(10_000).maxInvalidMessages(1_000_000))) {
            TestClient bystander = fixture.joined("main", "bystander");
            FuzzCounts counts = new FuzzCounts();
            JetRaidersClient fuzz = JetRaidersClient.builder(fixture.wsUri("/ws")).format(WireFormat.BINARY)
                    .timeout(Duration.ofSeconds(10)).listener(counts).connect();
            assertEquals(WireFormat.BINARY, fuzz.format());
            fuzz.join(JoinRequest.named("fuzz"));

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
                assertTrue(fuzz.sendBinary(frame, 0, frame.length), "the fuzzing client stays connected");
                if ((n + 1) % BATCH == 0) {
                    roundTrip(fuzz, counts); // every frame so far has been handled
                    // pace below the raised rate limit (10,000/s) so frames are decoded, not dropped as a flood
                    long batchEnd = batchStart + BATCH_NANOS;
                    while (System.nanoTime() < batchEnd) {
                        java.util.concurrent.locks.LockSupport.parkNanos(batchEnd - System.nanoTime());
                    }
                    batchStart = System.nanoTime();
                }
            }
            roundTrip(fuzz, counts);

            assertEquals(-1, counts.closeCode, "the fuzzing client stays connected (its limits were raised)");
            long rejected = fixture.server().metrics().rejectedInputs("binary_malformed")
                    + fixture.server().metrics().rejectedInputs("binary_unsupported_version")
                    + fixture.server().metrics().rejectedInputs("binary_unknown_kind");
            assertTrue(rejected > FRAMES / 4, "malformed frames are counted: " + rejected);
            assertEquals(0, fixture.server().metrics().rejectedInputs("flood"), "pacing kept us under the limit");
            ServerFixture.awaitCondition("an Error reply for each rejected frame", () -> counts.errors.get() == rejected);
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
