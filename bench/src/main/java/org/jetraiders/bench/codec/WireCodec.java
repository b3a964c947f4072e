package org.jetraiders.bench.codec;

import org.jetraiders.bench.support.BattleScenario;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.protocol.binary.BinaryMode;

/**
 * One wire format as {@link SnapshotCodecBenchmark} drives it: the work done once per tick for all
 * clients ({@link #encodeShared}) and the work done once per tick for each client
 * ({@link #encodeClient}). A format without a shared stage (the per-client binary encoder) does
 * nothing in {@link #encodeShared}; one without a per-client part returns the shared bytes.
 *
 * <p>To add a format, implement this and give it a name in {@link #create}; the benchmark's
 * {@code codec} {@code @Param} lists the names. Not thread-safe: one instance per benchmark trial.
 */
interface WireCodec {

    /**
     * Once per snapshot, for every client, as a lobby's encoding stage: writes the shared bytes into
     * {@code shared} (the output-ring slot's buffer) and returns their length (0 if no shared stage).
     */
    int encodeShared(Snapshot snapshot, EncodedBuffer shared);

    /**
     * Once per snapshot and client, after {@link #encodeShared} for that snapshot, as a client consumer
     * thread: builds this client's frame into {@code out} and returns its length, the bytes this client
     * is sent for the tick.
     *
     * @param client     which client (0 to clients - 1): a per-client encoder keeps one state each
     * @param shared     what {@link #encodeShared} wrote for this snapshot
     * @param inputAck   the client's last processed input seq, as the server echoes it
     * @param ackedTick  the tick of the newest frame the client has acknowledged (a delta's baseline)
     */
    int encodeClient(int client, Snapshot snapshot, EncodedBuffer shared, long inputAck, long ackedTick,
            EncodedBuffer out);

    /** Creates a codec by its {@code @Param} name, for {@code clients} clients. */
    static WireCodec create(String name, int clients) {
        return switch (name) {
            case "json" -> new JsonWireCodec();
            case "gson" -> new GsonReflectiveWireCodec();
            case "binary-quantized" -> new BinaryWireCodec(BinaryMode.QUANTIZED, clients, BattleScenario.TICK_RATE_HZ);
            case "binary-events" -> new BinaryWireCodec(BinaryMode.PROJECTILE_EVENTS, clients, BattleScenario.TICK_RATE_HZ);
            case "binary-delta" -> new BinaryWireCodec(BinaryMode.DELTA, clients, BattleScenario.TICK_RATE_HZ);
            default -> throw new IllegalArgumentException("unknown codec " + name
                    + " (json, gson, binary-quantized, binary-events, binary-delta)");
        };
    }
}
