package org.jetraiders.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jetraiders.client.input.SentInput;
import org.jetraiders.client.message.Envelope;
import org.jetraiders.client.message.GameState;
import org.jetraiders.client.message.Identity;
import org.jetraiders.client.message.JoinRequest;
import org.jetraiders.client.message.KillFeed;
import org.jetraiders.client.message.Pong;
import org.jetraiders.client.message.Scoreboard;
import org.jetraiders.client.message.ServerError;
import org.jetraiders.client.support.FakeServer;
import org.jetraiders.client.support.ProtocolDoc;
import org.jetraiders.client.world.WorldSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The client against a scripted server: what it sends (numbered inputs, binary acks), what it makes of
 * what it receives (listeners, getters, resync), how it fails (refused, Error, close), and its thread
 * contract. The real server is in the server module's {@code JetRaidersClientIT}.
 */
class JetRaidersClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String IDENTITY = "{\"type\":\"Identity\",\"data\":{\"player_id\":\"7\",\"lobby_id\":\"main\"}}";

    private FakeServer server;
    private JetRaidersClient client;

    /**
     * A failure says, beside its own message, what the fake server saw, what the client received and
     * where every thread stood: a frame that never arrived is otherwise a bare timeout.
     */
    @RegisterExtension
    final TestExecutionExceptionHandler explainFailure = (context, thrown) -> {
        throw new AssertionError(thrown.getMessage() + "\n" + state(), thrown);
    };

    private String state() {
        StringBuilder b = new StringBuilder();
        b.append(server == null ? "no fake server" : server.describe()).append('\n');
        b.append(client == null ? "no client" : "client " + client.localAddress() + " " + client.stats()).append('\n');
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            b.append("thread \"").append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (int i = 0; i < Math.min(stack.length, 12); i++) {
                b.append("    at ").append(stack[i]).append('\n');
            }
        });
        return b.toString();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Every call a listener gets, as "method:thread". */
    private static final class Recorder implements JetRaidersListener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        private void record(Object event) {
            threads.add(Thread.currentThread().getName());
            events.add(event);
        }

        @Override public void onIdentity(Identity identity) { record(identity); }
        @Override public void onWorld(WorldSnapshot world) { record(world); }
        @Override public void onGameState(GameState state) { record(state); }
        @Override public void onScoreboard(Scoreboard scoreboard) { record(scoreboard); }
        @Override public void onKillFeed(KillFeed killFeed) { record(killFeed); }
        @Override public void onLagged(long missed) { record("lagged " + missed); }
        @Override public void onPong(Pong pong) { record(pong); }
        @Override public void onServerError(ServerError error) { record(error); }
        @Override public void onUnreadable(String problem) { record("unreadable " + problem); }
        @Override public void onClose(CloseInfo close) { record(close); }

        /** The next event of this class, skipping others. */
        <T> T next(Class<T> type) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                Object e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new AssertionError("no " + type.getSimpleName() + " event");
                }
                if (type.isInstance(e)) {
                    return type.cast(e);
                }
            }
        }

        String nextUnreadable() throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                Object e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new AssertionError("no unreadable event");
                }
                if (e instanceof String s && s.startsWith("unreadable ")) {
                    return s;
                }
            }
        }
    }

    private JetRaidersClient connect(WireFormat format, String path, JetRaidersListener listener) throws Exception {
        server = server == null ? FakeServer.launch() : server;
        client = JetRaidersClient.builder(server.uri(path)).format(format).timeout(TIMEOUT).listener(listener).connect();
        server.awaitClient(client.localAddress());
        return client;
    }

    /**
     * Joins, with the fake server answering the Join with Identity. If the join fails, the failure says
     * what the answering thread met (whether the Join arrived), which a thread of its own would
     * otherwise swallow.
     */
    private Identity join() throws Exception {
        FutureTask<Void> answer = new FutureTask<>(() -> {
            server.nextText();
            server.send(IDENTITY);
            return null;
        });
        Thread answering = new Thread(answer, "fake-server-answer");
        answering.start();
        Identity me;
        try {
            me = client.join(JoinRequest.named("Ada"));
        } catch (JetRaidersException e) {
            answering.join(TIMEOUT.toMillis());
            // explainFailure adds the fake server's view and the threads
            throw new AssertionError(e.getMessage() + "; answering thread: " + outcome(answer), e);
        }
        answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS); // the answer's own failure, if any
        return me;
    }

    private static String outcome(FutureTask<Void> task) {
        if (!task.isDone()) {
            return "still running";
        }
        try {
            task.get();
            return "sent Identity";
        } catch (ExecutionException e) {
            return "failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Test
    void shouldJoinAndHandEveryMessageToTheListenersInOrderOnTheReadThread() throws Exception {
        Recorder recorder = new Recorder();
        connect(WireFormat.JSON, "/ws", recorder);
        assertEquals(WireFormat.JSON, client.format());

        Thread answer = new Thread(() -> {
            try {
                String join = server.nextText();
                assertEquals("{\"type\":\"Join\",\"data\":{\"name\":\"Ada\",\"lobby_id\":\"duel\"}}", join);
                server.send(IDENTITY);
                for (String type : new String[] {"GameState", "WorldUpdate", "Scoreboard", "KillFeed", "Lagged", "Pong"}) {
                    server.send(ProtocolDoc.jsonExamples(type).get(0));
                }
                server.send("{\"type\":\"Teleport\",\"data\":{\"to\":\"moon\"}}");
                server.send("not json");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        answer.start();
        Identity me = client.join(JoinRequest.named("Ada").inLobby("duel"));
        answer.join();

        assertEquals(new Identity(7, "main"), me);
        assertEquals(me, recorder.next(Identity.class));
        assertEquals(GameState.Phase.LOBBY, recorder.next(GameState.class).phase());
        assertEquals(123, recorder.next(WorldSnapshot.class).tick());
        assertEquals(540, recorder.next(Scoreboard.class).secondsLeft());
        assertEquals(8, recorder.next(KillFeed.class).kills().get(0).victimId());
        assertEquals("lagged 12", recorder.next(String.class));
        assertEquals(1732420000123L, recorder.next(Pong.class).serverTimeMillis());
        assertTrue(recorder.nextUnreadable().contains("not json"));

        assertEquals(1, recorder.threads.stream().distinct().count(), "one thread: " + recorder.threads);
        assertNotEquals(Thread.currentThread().getName(), recorder.threads.get(0));
        assertEquals(me, client.identity());
        assertEquals(123, client.latestWorld().tick());
        assertEquals(540, client.scoreboard().secondsLeft());
        assertEquals(GameState.Phase.LOBBY, client.gameState().phase());
        ClientStats stats = client.stats();
        assertEquals(9, stats.textFrames());
        assertEquals(1, stats.worldSnapshots());
        assertEquals(1, stats.unreadable());
        assertEquals(12, stats.missedSnapshots());
    }

    @Test
    void shouldGiveUnknownMessageTypesToOnMessageAsTheyCame() throws Exception {
        BlockingQueue<Envelope> all = new LinkedBlockingQueue<>();
        connect(WireFormat.JSON, "/ws", new JetRaidersListener() {
            @Override public void onMessage(Envelope message) { all.add(message); }
        });
        server.send("{\"type\":\"Teleport\",\"data\":{\"to\":\"moon\"}}");
        Envelope e = all.poll(10, TimeUnit.SECONDS);
        assertNotNull(e);
        assertEquals("Teleport", e.type());
        assertEquals("moon", e.data().getAsJsonObject().get("to").getAsString());
    }

    @Test
    void shouldNumberJsonInputsAndDropThemFromPendingOnceAcknowledged() throws Exception {
        Recorder recorder = new Recorder();
        connect(WireFormat.JSON, "/ws", recorder);
        join();

        for (int i = 1; i <= 3; i++) {
            assertEquals(i, client.sendInput(0.5, i == 2 ? 7 : -1, i == 3));
        }

        for (int i = 1; i <= 3; i++) {
            JsonObject data = JsonParser.parseString(server.nextText()).getAsJsonObject().getAsJsonObject("data");
            assertEquals(i, data.get("seq").getAsLong());
            assertEquals(i == 2 ? 1.0 : -1.0, data.get("turn").getAsDouble(), "clamped before sending");
        }
        server.send("{\"type\":\"WorldUpdate\",\"data\":{\"tick\":50,\"entities\":[],\"projectiles\":[],\"ack\":2}}");
        recorder.next(WorldSnapshot.class); // applied before the listener is called
        assertEquals(2, client.inputs().ackedSeq());
        assertEquals(List.of(3L), client.inputs().pending().stream().map(SentInput::seq).toList());
        assertEquals(3, client.stats().inputsSent());
    }

    @Test
    void shouldAcknowledgeTheLatestBinaryFrameInEveryInputAndResyncAfterOneThatDoesNotDecode() throws Exception {
        Recorder recorder = new Recorder();
        connect(WireFormat.BINARY, "/ws", recorder);
        assertEquals(WireFormat.BINARY, client.format(), "the server accepted the subprotocol");
        join();

        client.sendInput(1, 0, false);
        assertArrayEquals(new byte[] {1, 0x10, 127, 0, 0, 1, 0}, server.nextBinary(), "seq 1, no frame yet: ack 0");

        server.send(ProtocolDoc.vector("world-delta-full"));
        WorldSnapshot full = recorder.next(WorldSnapshot.class);
        assertEquals(123, full.tick());
        client.sendInput(1, 0, false);
        assertArrayEquals(new byte[] {1, 0x10, 127, 0, 0, 2, 123}, server.nextBinary(), "acks tick 123");

        server.send(ProtocolDoc.vector("world-delta"));
        assertEquals(125, recorder.next(WorldSnapshot.class).tick());

        byte[] cut = ProtocolDoc.vector("world-delta-full");
        server.send(java.util.Arrays.copyOf(cut, cut.length - 3));
        assertTrue(recorder.nextUnreadable().contains("MALFORMED"));
        client.sendInput(0, 0, true);
        assertArrayEquals(new byte[] {1, 0x10, 0, 0, 1, 3, 0}, server.nextBinary(), "resync: ack 0 until a full frame");

        server.send(ProtocolDoc.vector("world-delta")); // in flight, against a baseline now forgotten
        assertTrue(recorder.nextUnreadable().contains("UNKNOWN_BASELINE"));
        server.send(ProtocolDoc.vector("world-delta-full"));
        recorder.next(WorldSnapshot.class);
        client.sendInput(0, 0, false);
        assertArrayEquals(new byte[] {1, 0x10, 0, 0, 0, 4, 123}, server.nextBinary());
        assertEquals(2, client.stats().undecodableWorlds());
        assertEquals(3, client.stats().worldSnapshots());
    }

    @Test
    void shouldTreatAnAddressAskingForBinaryAsABinaryConnection() throws Exception {
        connect(WireFormat.JSON, "/ws?lobby_id=x&format=bin", new Recorder());
        assertEquals(WireFormat.BINARY, client.format());
    }

    @Test
    void shouldReportABinaryFrameOnAJsonConnection() throws Exception {
        Recorder recorder = new Recorder();
        connect(WireFormat.JSON, "/ws", recorder);
        server.send(ProtocolDoc.vector("world-delta-full"));
        assertTrue(recorder.nextUnreadable().contains("binary frame of 36 bytes on a JSON connection"));
        assertNull(client.latestWorld());
    }

    @Test
    void shouldThrowTheServersErrorWhenTheJoinIsRefused() throws Exception {
        connect(WireFormat.JSON, "/ws", new Recorder());
        Thread refuse = new Thread(() -> {
            try {
                server.nextText();
                server.send("{\"type\":\"Error\",\"data\":{\"code\":\"lobby_full\",\"message\":\"lobby is full\"}}");
                server.close(1008, "lobby is full");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        refuse.start();

        ServerErrorException e = assertThrows(ServerErrorException.class, () -> client.join(JoinRequest.named("Late")));
        refuse.join();

        assertEquals(new ServerError("lobby_full", "lobby is full"), e.error());
        assertEquals("Join refused: lobby_full (lobby is full)", e.getMessage());
        assertNull(client.identity());
    }

    @Test
    void shouldThrowTheCloseCodeAndReasonWhenTheServerClosesInsteadOfAnswering() throws Exception {
        Recorder recorder = new Recorder();
        connect(WireFormat.JSON, "/ws", recorder);
        Thread close = new Thread(() -> {
            try {
                server.nextText();
                server.close(1008, "invalid token");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        close.start();

        ConnectionClosedException e = assertThrows(ConnectionClosedException.class,
                () -> client.join(JoinRequest.withToken("forged")));
        close.join();

        CloseInfo expected = new CloseInfo(1008, "invalid token", true);
        assertEquals(expected, e.closeInfo());
        assertTrue(e.getMessage().contains("1008 \"invalid token\" (by the server)"), e.getMessage());
        assertEquals(expected, recorder.next(CloseInfo.class));
        assertEquals(expected, client.closeInfo());
        assertEquals(false, client.sendText("{}"), "nothing is sent once closed");
    }

    @Test
    void shouldFailToConnectWhereNothingListensSayingSo() throws Exception {
        // a port bound but not listening: connecting is refused, and no other test (in this JVM or a
        // concurrent build's) can start a server on it meanwhile, as it could on a port merely found free
        try (Socket placeholder = new Socket()) {
            placeholder.bind(new InetSocketAddress("127.0.0.1", 0));
            URI uri = URI.create("ws://127.0.0.1:" + placeholder.getLocalPort() + "/ws");
            ConnectFailedException e = assertThrows(ConnectFailedException.class,
                    () -> JetRaidersClient.builder(uri).timeout(TIMEOUT).connect());
            assertEquals(uri, e.uri());
            assertTrue(e.getMessage().startsWith("could not connect to " + uri + ": connection refused"), e.getMessage());
        }
    }

    @Test
    void shouldFailToConnectWhenTheServerHangsUpDuringTheHandshake() throws Exception {
        try (ServerSocket refusing = new ServerSocket(0)) {
            Thread hangUp = new Thread(() -> {
                try (Socket s = refusing.accept()) {
                    // accepted and closed at once, as the server does over its connection caps
                } catch (java.io.IOException ignored) {
                    // the test ended
                }
            });
            hangUp.start();
            URI uri = URI.create("ws://127.0.0.1:" + refusing.getLocalPort() + "/ws");
            ConnectFailedException e = assertThrows(ConnectFailedException.class,
                    () -> JetRaidersClient.builder(uri).timeout(TIMEOUT).connect());
            assertTrue(e.getMessage().startsWith("could not connect to " + uri + ": "), e.getMessage());
            hangUp.join();
        }
    }

    @Test
    void shouldRefuseInputsBeforeJoiningASecondJoinAndJoiningOnTheReadThread() throws Exception {
        AtomicReference<Throwable> fromListener = new AtomicReference<>();
        CountDownLatch tried = new CountDownLatch(1);
        connect(WireFormat.JSON, "/ws", new JetRaidersListener() {
            @Override
            public void onGameState(GameState state) {
                try {
                    client.join(JoinRequest.named("inside"));
                } catch (Throwable t) {
                    fromListener.set(t);
                }
                tried.countDown();
            }
        });
        assertThrows(IllegalStateException.class, () -> client.sendInput(1, 0, false), "before Identity");
        server.send(ProtocolDoc.jsonExamples("GameState").get(0));
        assertTrue(tried.await(10, TimeUnit.SECONDS));
        assertTrue(fromListener.get() instanceof IllegalStateException, String.valueOf(fromListener.get()));

        join();
        assertThrows(IllegalStateException.class, () -> client.join(JoinRequest.named("again")));
    }

    @Test
    void shouldKeepCallingTheOtherListenersWhenOneThrows() throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            Recorder second = new Recorder();
            RuntimeException boom = new RuntimeException("listener bug");
            connect(WireFormat.JSON, "/ws", new JetRaidersListener() {
                @Override public void onIdentity(Identity identity) { throw boom; }
            });
            client.addListener(second);
            join();
            assertEquals(7, second.next(Identity.class).playerId());
            assertEquals(List.of(boom), uncaught);
            assertEquals(1, client.stats().listenerFailures());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void shouldCloseFromAListenerWithoutWaitingOnItsOwnThread() throws Exception {
        server = FakeServer.launch();
        Recorder recorder = new Recorder();
        // a long timeout: a close that waited for its answer on the read thread would hold it that long
        client = JetRaidersClient.builder(server.uri("/ws")).format(WireFormat.JSON).timeout(Duration.ofSeconds(60))
                .listener(new JetRaidersListener() {
                    @Override public void onGameState(GameState state) { client.close(); }
                })
                .listener(recorder)
                .connect();
        server.awaitClient(client.localAddress());

        server.send(ProtocolDoc.jsonExamples("GameState").get(0));

        CloseInfo info = recorder.next(CloseInfo.class);
        assertEquals(1000, info.code());
    }

    @Test
    void shouldCloseNormallyAndSaySoToTheListeners() throws Exception {
        Recorder recorder = new Recorder();
        connect(WireFormat.JSON, "/ws", recorder);
        assertTrue(client.isOpen());
        assertNull(client.closeInfo());

        client.close();

        CloseInfo info = recorder.next(CloseInfo.class);
        assertEquals(1000, info.code(), info::toString);
        assertTrue(!info.byServer(), info::toString);
        assertSame(info, client.awaitClose(Duration.ofSeconds(1)));
        assertTrue(!client.isOpen());
        assertEquals(false, client.sendText("{}"), "nothing is sent once closed");
        client.close(); // again: nothing happens
    }
}
