package org.jetraiders.client;

/** The protocol a connection speaks (docs/PROTOCOL.md); both carry the same game. */
public enum WireFormat {
    /** JSON text frames, the Godot client's protocol. */
    JSON,
    /**
     * Binary world frames (quantized per-client deltas, a few percent of JSON's bytes) and binary
     * inputs; every other message stays JSON. Asked for with the {@code jetraiders.v1.bin} subprotocol.
     */
    BINARY
}
