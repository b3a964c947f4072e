package org.jetraiders.engine;

import java.time.Duration;
import java.util.List;
import org.jetraiders.engine.journal.JournalStatus;
import org.jetraiders.engine.pipeline.InputEvent;

/**
 * One running Jet Raiders world and its pipeline: input ring → game loop → output ring → encoding
 * stage → one consumer per attached client.
 *
 * <pre>{@code
 * Lobby lobby = Lobby.create(LobbyConfig.builder().name("arena").build());
 * lobby.start();
 * int me = lobby.join("Ada");
 * lobby.attach(snapshot -> System.out.println(snapshot.tick()));
 * lobby.submitInput(me, 1.0, 0.0, true, 1);
 * lobby.stop();
 * }</pre>
 *
 * <p>Thread-safe: any thread may join, leave, submit input, attach and read status. Publishing never
 * blocks: when the input ring is full the call returns {@link InputResult#RING_FULL} and counts it.
 */
public final class Lobby implements AutoCloseable {
    /** {@link #join} result: the lobby has {@code maxPlayers} players. */
    public static final int JOIN_FULL = -1;
    /** {@link #join} result: the lobby is not running. */
    public static final int JOIN_NOT_RUNNING = -2;
    /** {@link #join} result: the input ring was full; try again. */
    public static final int JOIN_RING_FULL = -3;

    // what runs (built once), what callers publish into it, and the order it starts and stops in
    private final LobbyPipeline pipeline;
    private final LobbyInputs inputs;
    private final LobbyLifecycle lifecycle;

    private Lobby(LobbyConfig config) {
        pipeline = new LobbyPipeline(config);
        inputs = new LobbyInputs(pipeline);
        lifecycle = new LobbyLifecycle(pipeline, inputs);
    }

    /** Builds a lobby; nothing runs until {@link #start()}. */
    public static Lobby create(LobbyConfig config) {
        return new Lobby(config);
    }

    /**
     * Starts the lobby: its encoding stage joins a client thread and its game loop a game-loop thread,
     * which ticks it at {@code tickRateHz} (with {@code autoTick}).
     */
    public void start() {
        lifecycle.start();
    }

    public String name() {
        return pipeline.config.name();
    }

    public LobbyConfig config() {
        return pipeline.config;
    }

    public boolean isRunning() {
        return inputs.isRunning();
    }

    /**
     * Adds a player; its plane spawns on the next tick.
     *
     * @param name display name (the engine stores it as given; sanitise it at the edge)
     * @return the new player's id (positive, unique in this lobby), or {@link #JOIN_FULL},
     *     {@link #JOIN_NOT_RUNNING}, {@link #JOIN_RING_FULL}
     */
    public int join(String name) {
        return join(name, 0);
    }

    /**
     * {@link #join(String)}, recording {@code clientKey} with the join in the input stream: an opaque
     * number of the embedder's (a server keeps the key a reconnecting client resumes this player
     * by), so that whatever reads the stream, such as a journal, can tell whose player this is.
     * The simulation never reads it.
     */
    public int join(String name, long clientKey) {
        return inputs.join(name, clientKey);
    }

    /**
     * Removes a player, its plane and its projectiles. A leave must not be lost, so when the ring is
     * full this retries for up to a second before giving up (and counting it).
     *
     * @return false if the lobby is not running or the leave could not be published
     */
    public boolean leave(int playerId) {
        return inputs.publishPlayerEvent(InputEvent.LEAVE, playerId);
    }

    /**
     * Marks a player disconnected without removing it: its plane stays and flies on with a neutral
     * input (no thrust change, no turn, no fire) until the player's next input or {@link #leave}, and
     * its input sequence numbers start again from 0 (a reconnecting client counts afresh). It goes
     * through the input ring like every change, so a recorded stream replays it. Like a leave it
     * must not be lost: when the ring is full this retries for up to a second.
     *
     * @return false if the lobby is not running or the event could not be published
     */
    public boolean disconnect(int playerId) {
        return inputs.publishPlayerEvent(InputEvent.DISCONNECT, playerId);
    }

    /**
     * Publishes a player's latest input; it is held until replaced and applied on the next tick.
     * Out-of-range values are clamped by the simulation; non-finite ones are rejected here.
     *
     * @param inputSeq the client's input number (increasing), echoed per player in snapshots; 0 if unused
     */
    public InputResult submitInput(int playerId, double thrust, double turn, boolean shoot, long inputSeq) {
        // the hot path: LobbyInputs is final, so this is a direct call the JIT inlines
        return inputs.submitInput(playerId, thrust, turn, shoot, inputSeq);
    }

    /** Publishes one TICK now; for lobbies built with {@code autoTick(false)} (tests, replays, tools). */
    public InputResult tickNow() {
        return inputs.tickNow();
    }

    /**
     * Attaches a client consumer; it receives every snapshot published from now on (skipping stale
     * ones if it falls behind), each status change, and finally {@link ClientSink#onDetached}.
     *
     * @throws IllegalStateException if the lobby is not running
     */
    public ClientSubscription attach(ClientSink sink) {
        if (!inputs.isRunning()) {
            throw new IllegalStateException("lobby " + pipeline.config.name() + " is not running");
        }
        return pipeline.attach(sink);
    }

    /** The latest status, read without locks. */
    public LobbyStatus status() {
        return pipeline.cell.status;
    }

    /** The latest tick the game loop has stepped. */
    public long tick() {
        return pipeline.cell.tick;
    }

    /** Whole seconds left in the running match, or -1 when not running or without a limit. */
    public int matchSecondsLeft() {
        return pipeline.cell.matchSecondsLeft;
    }

    /** Players in the lobby, counting joins not yet applied by the game loop. */
    public int playerCount() {
        return pipeline.reservedPlayers.get();
    }

    /** Scoreboard of everyone in the lobby; refreshed within a quarter second of a change. Allocates the copy. */
    public List<PlayerScore> scores() {
        return pipeline.cell.scores();
    }

    public LobbyMetrics metrics() {
        return pipeline.counters;
    }

    /** The lobby's journal: its file, how far it recorded, its breaks; {@link JournalStatus#NONE} without a journaler. */
    public JournalStatus journal() {
        return pipeline.recording == null ? JournalStatus.NONE : pipeline.recording.status();
    }

    /** {@link #stop(Duration)} with 3 seconds. */
    @Override
    public void close() {
        stop();
    }

    /** {@link #stop(Duration)} with 3 seconds. */
    public boolean stop() {
        return stop(Duration.ofSeconds(3));
    }

    /**
     * Graceful stop: the status turns {@link LobbyStatus#STOPPING}, a final snapshot carrying it goes
     * to every consumer, consumers detach with {@link DetachReason#LOBBY_STOPPED}, and every thread
     * this lobby started ends. Idempotent.
     *
     * @return true if everything ended within the timeout (stragglers are cut off either way)
     */
    public boolean stop(Duration timeout) {
        return lifecycle.stop(timeout);
    }
}
