package org.jetraiders.client;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import com.google.gson.JsonElement;
import org.jetraiders.client.binary.BinarySnapshotDecoder;
import org.jetraiders.client.binary.DecodeResult;
import org.jetraiders.client.input.InputTracker;
import org.jetraiders.client.message.Envelope;
import org.jetraiders.client.message.GameState;
import org.jetraiders.client.message.Identity;
import org.jetraiders.client.message.Scoreboard;
import org.jetraiders.client.message.ServerError;
import org.jetraiders.client.message.ServerMessageDecoder;
import org.jetraiders.client.world.WorldSnapshot;

/**
 * Everything a connection receives, on its read thread: parses and decodes each frame, keeps the
 * latest state of each kind for the client's getters, applies input acks, completes a pending join,
 * and calls the listeners. The fields the getters read are volatile; the decoder and the frame
 * scratch belong to the read thread alone.
 */
final class InboundDispatcher {
    private static final int EXCERPT = 200;

    private final List<JetRaidersListener> listeners = new CopyOnWriteArrayList<>();
    private final InputTracker inputs;
    private final BinarySnapshotDecoder decoder = new BinarySnapshotDecoder();
    private byte[] frame = new byte[512];

    private volatile WireFormat format = WireFormat.JSON;
    private volatile long ackTick;
    private volatile Identity identity;
    private volatile WorldSnapshot world;
    private volatile GameState gameState;
    private volatile Scoreboard scoreboard;
    private volatile CompletableFuture<Identity> joining;
    private volatile boolean closed;

    private final AtomicLong textFrames = new AtomicLong();
    private final AtomicLong binaryFrames = new AtomicLong();
    private final AtomicLong binaryBytes = new AtomicLong();
    private final AtomicLong worldSnapshots = new AtomicLong();
    private final AtomicLong undecodableWorlds = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong laggedNotices = new AtomicLong();
    private final AtomicLong missedSnapshots = new AtomicLong();
    final AtomicLong inputsSent = new AtomicLong();
    private final AtomicLong listenerFailures = new AtomicLong();

    InboundDispatcher(InputTracker inputs, List<JetRaidersListener> initial) {
        this.inputs = inputs;
        this.listeners.addAll(initial);
    }

    void addListener(JetRaidersListener l) {
        listeners.add(l);
    }

    void removeListener(JetRaidersListener l) {
        listeners.remove(l);
    }

    // ---- state for the client's getters (any thread)

    WireFormat format() {
        return format;
    }

    /** The tick a binary input acknowledges: the latest world frame decoded, 0 while resyncing. */
    long ackTick() {
        return ackTick;
    }

    Identity identity() {
        return identity;
    }

    WorldSnapshot world() {
        return world;
    }

    GameState gameState() {
        return gameState;
    }

    Scoreboard scoreboard() {
        return scoreboard;
    }

    boolean isClosed() {
        return closed;
    }

    /** Arms the join waiter; completed by Identity, or failed by an Error or the close. */
    CompletableFuture<Identity> expectIdentity() {
        CompletableFuture<Identity> f = new CompletableFuture<>();
        joining = f;
        return f;
    }

    ClientStats stats() {
        return new ClientStats(textFrames.get(), binaryFrames.get(), binaryBytes.get(), worldSnapshots.get(),
                undecodableWorlds.get(), unreadable.get(), laggedNotices.get(), missedSnapshots.get(),
                inputsSent.get(), listenerFailures.get());
    }

    // ---- read thread

    void opened(WireFormat negotiated) {
        format = negotiated;
    }

    void onText(String text) {
        textFrames.incrementAndGet();
        Envelope message;
        try {
            message = Envelope.parse(text);
        } catch (IllegalArgumentException e) {
            unreadable("text frame " + e.getMessage() + ": " + excerpt(text));
            return;
        }
        try {
            dispatch(message.type(), message.data());
        } catch (RuntimeException e) {
            unreadable(message.type() + " with malformed fields (" + e.getMessage() + "): " + excerpt(text));
        }
        each(l -> l.onMessage(message));
    }

    private void dispatch(String type, JsonElement data) {
        switch (type) {
            case "WorldUpdate" -> world(ServerMessageDecoder.worldUpdate(data));
            case "Identity" -> {
                Identity id = ServerMessageDecoder.identity(data);
                identity = id;
                CompletableFuture<Identity> waiter = joining;
                each(l -> l.onIdentity(id));
                if (waiter != null) {
                    waiter.complete(id);
                }
            }
            case "GameState" -> {
                GameState state = ServerMessageDecoder.gameState(data);
                gameState = state;
                each(l -> l.onGameState(state));
            }
            case "Scoreboard" -> {
                Scoreboard board = ServerMessageDecoder.scoreboard(data);
                scoreboard = board;
                each(l -> l.onScoreboard(board));
            }
            case "KillFeed" -> {
                var feed = ServerMessageDecoder.killFeed(data);
                each(l -> l.onKillFeed(feed));
            }
            case "Lagged" -> {
                long missed = ServerMessageDecoder.lagged(data);
                laggedNotices.incrementAndGet();
                missedSnapshots.addAndGet(missed);
                each(l -> l.onLagged(missed));
            }
            case "Pong" -> {
                var pong = ServerMessageDecoder.pong(data);
                each(l -> l.onPong(pong));
            }
            case "Error" -> {
                ServerError error = ServerMessageDecoder.error(data);
                CompletableFuture<Identity> waiter = joining;
                each(l -> l.onServerError(error));
                if (waiter != null && identity == null) {
                    waiter.completeExceptionally(new ServerErrorException("Join", error));
                }
            }
            default -> {
                // a type this library does not know: onMessage only
            }
        }
    }

    void onBinary(ByteBuffer bytes) {
        int n = bytes.remaining();
        binaryFrames.incrementAndGet();
        binaryBytes.addAndGet(n);
        if (format != WireFormat.BINARY) {
            unreadable("binary frame of " + n + " bytes on a JSON connection");
            return;
        }
        if (frame.length < n) {
            frame = new byte[Math.max(n, frame.length * 2)];
        }
        bytes.get(frame, 0, n);
        DecodeResult result = decoder.decode(frame, 0, n);
        if (result == DecodeResult.OK) {
            ackTick = decoder.latestTick();
            world(WorldSnapshot.of(decoder.latest()));
        } else if (result == DecodeResult.UNKNOWN_KIND) {
            unreadable("binary frame of an unknown kind (" + (frame[1] & 0xFF) + "), ignored");
        } else {
            // resync as docs/PROTOCOL.md says: acknowledge tick 0 until a full frame arrives
            decoder.reset();
            ackTick = 0;
            undecodableWorlds.incrementAndGet();
            unreadable("world frame " + result + " (" + n + " bytes): resyncing");
        }
    }

    private void world(WorldSnapshot w) {
        inputs.acknowledge(w.ack(), System.nanoTime());
        world = w;
        worldSnapshots.incrementAndGet();
        each(l -> l.onWorld(w));
    }

    /** The close; {@code wasOpen} false when the connection never opened (connect() reports that). */
    void onClose(CloseInfo info, boolean wasOpen) {
        closed = true;
        CompletableFuture<Identity> waiter = joining;
        if (waiter != null) {
            waiter.completeExceptionally(new ConnectionClosedException("Identity", info));
        }
        if (wasOpen) {
            each(l -> l.onClose(info));
        }
    }

    private void unreadable(String problem) {
        unreadable.incrementAndGet();
        each(l -> l.onUnreadable(problem));
    }

    /** Calls every listener; one that throws does not stop the others or the connection. */
    private void each(Consumer<JetRaidersListener> call) {
        for (JetRaidersListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                listenerFailures.incrementAndGet();
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }

    private static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "... (" + text.length() + " chars)";
    }
}
