package org.jetraiders.server.it.support;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jetraiders.client.CloseInfo;
import org.jetraiders.client.ConnectFailedException;
import org.jetraiders.client.JetRaidersClient;
import org.jetraiders.client.JetRaidersListener;
import org.jetraiders.client.WireFormat;
import org.jetraiders.client.message.Envelope;
import org.jetraiders.client.world.WorldSnapshot;

/**
 * The integration tests' client: a thin adapter over the client library's {@link JetRaidersClient}
 * (which connects, parses every message, decodes binary world frames and acknowledges them) that
 * keeps what a test asserts on. Every JSON message is queued as it came; {@link #await} consumes the
 * queue until a message of the wanted type matches. WorldUpdate ticks are also recorded separately, so
 * a test can check what a bystander received while something else happened. The close code and reason
 * are captured with a latch.
 *
 * <p>What it sends stays at the protocol's level, so tests control every byte: Join, JSON inputs and
 * pings are written as JSON text (a Godot-style input has no {@code seq}), and {@link #send} sends
 * malformed frames. On a binary connection {@link #sendInput(double, double, boolean, long)} goes
 * through the library, which numbers inputs and acknowledges the latest world frame in each.
 */
public final class TestClient {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI uri;
    private final WireFormat format;
    private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    private final List<Long> worldTicks = new ArrayList<>();
    /** Lagged notices in arrival order: {index into worldTicks of the WorldUpdate that follows, missed}. */
    private final List<long[]> laggedNotices = new ArrayList<>();
    private final List<String> unparsable = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile JetRaidersClient client;
    private volatile int closeCode = Integer.MIN_VALUE;
    private volatile String closeReason;
    private volatile boolean closedByServer;
    private volatile int laggedMessages;
    private volatile String playerId;

    /** A JSON client (as the Godot client), not yet connected. */
    public TestClient(URI uri) {
        this(uri, WireFormat.JSON);
    }

    /**
     * @param format {@link WireFormat#BINARY} asks for the binary subprotocol; a URI with
     *               {@code ?format=bin} gets binary frames either way
     */
    public TestClient(URI uri, WireFormat format) {
        this.uri = uri;
        this.format = format;
    }

    /** Connects; true if the handshake succeeded within the timeout. */
    public boolean open() throws InterruptedException {
        try {
            client = JetRaidersClient.builder(uri).format(format).timeout(TIMEOUT)
                    .connectionLostTimeout(Duration.ZERO) // the test decides when a connection is dead
                    .listener(new Recorder())
                    .connect();
            return true;
        } catch (ConnectFailedException e) {
            closeCode = -1;
            closeReason = e.getMessage();
            closed.countDown();
            return false;
        }
    }

    /** What the library reports, recorded for the assertions. */
    private final class Recorder implements JetRaidersListener {
        @Override
        public void onMessage(Envelope message) {
            JsonObject json = new JsonObject();
            json.addProperty("type", message.type());
            json.add("data", message.data());
            if (message.type().equals("WorldUpdate")) {
                synchronized (worldTicks) {
                    worldTicks.add(message.data().getAsJsonObject().get("tick").getAsLong());
                }
            } else if (message.type().equals("Lagged")) {
                synchronized (worldTicks) {
                    laggedNotices.add(new long[] {worldTicks.size(),
                            message.data().getAsJsonObject().get("missed").getAsLong()});
                }
                laggedMessages++;
            }
            inbox.add(json);
        }

        @Override
        public void onUnreadable(String problem) {
            synchronized (unparsable) {
                unparsable.add(problem);
            }
        }

        @Override
        public void onClose(CloseInfo close) {
            closeCode = close.code();
            closeReason = close.reason();
            closedByServer = close.byServer();
            closed.countDown();
        }
    }

    /** The library client under this adapter; fails before {@link #open()}. */
    public JetRaidersClient library() {
        JetRaidersClient c = client;
        if (c == null) {
            throw new IllegalStateException("not connected");
        }
        return c;
    }

    // ---- sending

    /** Sends a text frame as it is (malformed ones included). */
    public void send(String text) {
        library().sendText(text);
    }

    /** Sends a binary frame as it is. */
    public void send(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        library().sendBinary(copy, 0, copy.length);
    }

    public void sendMessage(String type, String dataJson) {
        send("{\"type\":\"" + type + "\",\"data\":" + dataJson + "}");
    }

    /** An input without {@code seq}, as the Godot client sends it. */
    public void sendInput(double thrust, double turn, boolean shoot) {
        sendMessage("Input", "{\"thrust\":" + thrust + ",\"turn\":" + turn + ",\"shoot\":" + shoot + "}");
    }

    /**
     * An input numbered {@code seq}: as JSON on a JSON connection; through the library on a binary one,
     * which numbers inputs itself (1, 2, ...), so there the test's numbering must match it.
     */
    public void sendInput(double thrust, double turn, boolean shoot, long seq) {
        if (library().format() == WireFormat.BINARY) {
            long sent = library().sendInput(thrust, turn, shoot);
            if (sent != seq) {
                throw new AssertionError("the library sent this input as seq " + sent + ", the test expected " + seq);
            }
            return;
        }
        sendMessage("Input", "{\"thrust\":" + thrust + ",\"turn\":" + turn + ",\"shoot\":" + shoot
                + ",\"seq\":" + seq + "}");
    }

    /** Sends a Join with the given data object and waits for Identity; returns the player id. */
    public String join(String dataJson) throws InterruptedException {
        sendMessage("Join", dataJson);
        JsonObject identity = await("Identity", m -> true);
        playerId = identity.get("player_id").getAsString();
        return playerId;
    }

    public String joinAs(String name) throws InterruptedException {
        return join("{\"name\":\"" + name + "\"}");
    }

    public String playerId() {
        return playerId;
    }

    // ---- receiving

    /**
     * Takes messages off the queue until one of {@code type} whose {@code data} matches; returns that
     * {@code data} as an object (a bare string payload is wrapped as {@code {"value": ...}}).
     *
     * @throws AssertionError if none arrives within {@link #TIMEOUT}
     */
    public JsonObject await(String type, Predicate<JsonObject> predicate) throws InterruptedException {
        return await(type, predicate, TIMEOUT);
    }

    public JsonObject await(String type, Predicate<JsonObject> predicate, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject message = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            if (message == null) {
                throw new AssertionError("no " + type + " matching the condition within " + timeout.toMillis()
                        + " ms" + closedNote());
            }
            if (!type.equals(message.get("type").getAsString())) {
                continue;
            }
            JsonObject data = dataOf(message);
            if (predicate.test(data)) {
                return data;
            }
        }
    }

    /** For a timeout's message: how the socket closed, if it did. */
    private String closedNote() {
        return hasClosed() ? " (socket closed: " + closeCode + " " + closeReason + ")" : "";
    }

    /** The next message, whatever its type ({@code {"type": ..., "data": ...}}). */
    public JsonObject nextMessage() throws InterruptedException {
        JsonObject message = inbox.poll(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + TIMEOUT.toMillis() + " ms"
                    + closedNote());
        }
        return message;
    }

    /** The next Error message's code (skipping everything else). */
    public String awaitErrorCode() throws InterruptedException {
        return await("Error", m -> true).get("code").getAsString();
    }

    /** Next WorldUpdate whose tick is beyond {@code tick}. */
    public JsonObject awaitWorldUpdateAfter(long tick) throws InterruptedException {
        return await("WorldUpdate", d -> d.get("tick").getAsLong() > tick);
    }

    /** Drops everything received so far. */
    public void drain() {
        inbox.clear();
    }

    private static JsonObject dataOf(JsonObject message) {
        JsonElement data = message.get("data");
        if (data != null && data.isJsonObject()) {
            return data.getAsJsonObject();
        }
        JsonObject wrapped = new JsonObject();
        wrapped.add("value", data);
        return wrapped;
    }

    /** The entity with {@code id} in a WorldUpdate's data, or null if absent. */
    public static JsonObject entity(JsonObject worldUpdate, String id) {
        for (JsonElement e : worldUpdate.getAsJsonArray("entities")) {
            JsonObject entity = e.getAsJsonObject();
            if (entity.get("id").getAsString().equals(id)) {
                return entity;
            }
        }
        return null;
    }

    /** The world the library rebuilt last (from JSON or binary frames), or null before the first. */
    public WorldSnapshot latest() {
        return library().latestWorld();
    }

    /** Binary frames received (world frames on a binary connection). */
    public long binaryFrames() {
        return library().stats().binaryFrames();
    }

    public long binaryBytes() {
        return library().stats().binaryBytes();
    }

    /** Binary world frames the library could not decode. */
    public long decodeFailures() {
        return library().stats().undecodableWorlds();
    }

    /** Ticks of every WorldUpdate received so far, in arrival order. */
    public List<Long> worldTicks() {
        synchronized (worldTicks) {
            return new ArrayList<>(worldTicks);
        }
    }

    public int worldUpdateCount() {
        synchronized (worldTicks) {
            return worldTicks.size();
        }
    }

    public long lastTick() {
        synchronized (worldTicks) {
            return worldTicks.isEmpty() ? -1 : worldTicks.get(worldTicks.size() - 1);
        }
    }

    /**
     * What this client got of the ticks in {@code (afterTick, upToTick]}: WorldUpdates received, and
     * WorldUpdates the server said it skipped (the {@code missed} of the Lagged notices that arrived
     * in that stretch, each announcing the gap before the next WorldUpdate). Fails if the WorldUpdates
     * did not arrive in strictly increasing tick order, or if {@code afterTick} and {@code upToTick}
     * are not ticks this client received.
     */
    public TickAccount tickAccount(long afterTick, long upToTick) {
        synchronized (worldTicks) {
            int first = worldTicks.indexOf(afterTick);
            int last = worldTicks.indexOf(upToTick);
            if (first < 0 || last < first) {
                throw new AssertionError("ticks " + afterTick + " and " + upToTick + " were not both received, in order");
            }
            for (int i = first + 1; i <= last; i++) {
                if (worldTicks.get(i) <= worldTicks.get(i - 1)) {
                    throw new AssertionError("WorldUpdates out of order: tick " + worldTicks.get(i - 1) + " then "
                            + worldTicks.get(i));
                }
            }
            long missed = 0;
            for (long[] notice : laggedNotices) {
                if (notice[0] > first && notice[0] <= last) {
                    missed += notice[1];
                }
            }
            return new TickAccount(upToTick - afterTick, last - first, missed);
        }
    }

    /**
     * @param ticks              ticks in the stretch
     * @param received           WorldUpdates received for them
     * @param reportedMissed     WorldUpdates the server reported skipped for them (Lagged)
     */
    public record TickAccount(long ticks, long received, long reportedMissed) {
        /** Ticks neither received nor reported missed. */
        public long unaccounted() {
            return ticks - received - reportedMissed;
        }
    }

    public int laggedMessages() {
        return laggedMessages;
    }

    /** Frames the library could not use (not JSON, malformed fields, binary on a JSON connection). */
    public List<String> unparsable() {
        synchronized (unparsable) {
            return new ArrayList<>(unparsable);
        }
    }

    // ---- closing

    public boolean isOpen() {
        JetRaidersClient c = client;
        return c != null && c.isOpen();
    }

    /** Waits for the socket to close; returns the close code. */
    public int awaitClose() throws InterruptedException {
        return awaitClose(TIMEOUT);
    }

    public int awaitClose(Duration timeout) throws InterruptedException {
        if (!closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("socket still open after " + timeout.toMillis() + " ms");
        }
        return closeCode;
    }

    /** Closes if open and waits briefly for it; never throws. */
    /** Closes with 1000 (a client saying goodbye) and waits for the server's answer. */
    public void closeBlocking() {
        library().close();
    }

    /** Closes with this code and waits for the server's answer. */
    public void close(int code) {
        library().close(code, "");
    }

    /** Drops the TCP connection without a close handshake (the server sees 1006), as a lost network does. */
    public void dropConnection() {
        library().drop();
    }

    public void closeQuietly() {
        JetRaidersClient c = client;
        if (c != null && !hasClosed()) {
            c.close();
        }
    }

    public boolean hasClosed() {
        return closed.getCount() == 0;
    }

    public int closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean closedByServer() {
        return closedByServer;
    }
}
