package org.jetraiders.server.protocol.binary;

/**
 * The three bandwidth steps of the binary protocol; each includes the previous ones.
 */
public enum BinaryMode {
    /** Step 1: a {@code WorldQuantized} frame per tick: planes and every projectile, quantized. */
    QUANTIZED,
    /**
     * Step 2: {@code WorldDelta} frames with every plane in full, and projectiles only when fired
     * (spawn record) and when they end (id), relative to the previous frame sent to this client.
     */
    PROJECTILE_EVENTS,
    /**
     * Step 3: {@code WorldDelta} frames relative to the last snapshot the client acknowledged: changed
     * plane fields only, planes added and removed, projectiles as set differences.
     */
    DELTA
}
