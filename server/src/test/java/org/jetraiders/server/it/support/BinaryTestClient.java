package org.jetraiders.server.it.support;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.jetraiders.server.protocol.binary.BinaryDecodeResult;
import org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor;
import org.jetraiders.server.protocol.binary.BinaryWriter;
import org.jetraiders.server.protocol.binary.client.BinaryInputEncoder;
import org.jetraiders.server.protocol.binary.client.BinarySnapshotDecoder;
import org.jetraiders.server.protocol.binary.client.ClientWorldState;

/**
 * A binary-protocol client: asks for the {@code jetraiders.v1.bin} subprotocol (or uses
 * {@code ?format=bin}), joins with JSON as the protocol says, rebuilds the world from the server's
 * binary (delta) frames with the reference decoder, and acknowledges the latest tick in its inputs.
 */
public final class BinaryTestClient extends WebSocketClient {
    private final BinarySnapshotDecoder decoder = new BinarySnapshotDecoder();
    private final BlockingQueue<JsonObject> text = new LinkedBlockingQueue<>();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger binaryFrames = new AtomicInteger();
    private final AtomicInteger decodeFailures = new AtomicInteger();
    private final BinaryWriter writer = new BinaryWriter(32);
    private volatile long binaryBytes;
    private volatile int closeCode = -1;
    private volatile ClientWorldState latest;

    private BinaryTestClient(URI uri, boolean askForSubprotocol) {
        super(uri, askForSubprotocol
                ? new Draft_6455(Collections.emptyList(), List.of(new Protocol(BinaryProtocolDescriptor.SUBPROTOCOL)))
                : new Draft_6455());
    }

    /** Connects asking for the binary subprotocol. */
    public static BinaryTestClient withSubprotocol(URI uri) {
        return new BinaryTestClient(uri, true);
    }

    /** Connects plainly; the URI carries {@code ?format=bin}. */
    public static BinaryTestClient withQuery(URI uri) {
        return new BinaryTestClient(uri, false);
    }

    public boolean open() throws InterruptedException {
        connect();
        return opened.await(10, TimeUnit.SECONDS) && isOpen();
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        opened.countDown();
    }

    @Override
    public void onMessage(String message) {
        text.add(JsonParser.parseString(message).getAsJsonObject());
    }

    @Override
    public synchronized void onMessage(ByteBuffer bytes) {
        binaryFrames.incrementAndGet();
        binaryBytes += bytes.remaining();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        if (decoder.decode(copy, 0, copy.length) == BinaryDecodeResult.OK) {
            latest = decoder.latest();
        } else {
            decodeFailures.incrementAndGet();
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
        opened.countDown();
        closed.countDown();
    }

    @Override
    public void onError(Exception ex) {
    }

    public void sendJson(String type, String dataJson) {
        send("{\"type\":\"" + type + "\",\"data\":" + dataJson + "}");
    }

    /** A binary Input acknowledging the newest snapshot decoded so far. */
    public synchronized void sendInput(double thrust, double turn, boolean shoot, long seq) {
        writer.reset();
        BinaryInputEncoder.encode(thrust, turn, shoot, seq, decoder.latestTick(), writer);
        send(ByteBuffer.wrap(writer.array(), 0, writer.length()));
    }

    public JsonObject awaitText(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonObject message = text.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && type.equals(message.get("type").getAsString())) {
                return message;
            }
        }
        throw new AssertionError("no " + type + " message within 10 s");
    }

    public ClientWorldState latest() {
        return latest;
    }

    public int binaryFrames() {
        return binaryFrames.get();
    }

    public long binaryBytes() {
        return binaryBytes;
    }

    public int decodeFailures() {
        return decodeFailures.get();
    }

    public int awaitClose() throws InterruptedException {
        closed.await(10, TimeUnit.SECONDS);
        return closeCode;
    }
}
