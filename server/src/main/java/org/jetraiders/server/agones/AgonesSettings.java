package org.jetraiders.server.agones;

import java.time.Duration;

/**
 * How the server talks to the Agones SDK sidecar ({@code --agones} and the {@code --agones-*} flags).
 * Immutable; the compact constructor validates every value and names the flag of a bad one.
 *
 * @param enabled           whether to talk to the sidecar at all (off: nothing Agones runs)
 * @param sdkPort           the sidecar's REST port on localhost ({@code AGONES_SDK_HTTP_PORT}, which Agones sets)
 * @param healthPeriod      time between health pings; well inside the fleet's {@code health.periodSeconds} (5 s)
 * @param syncPeriod        how often the lobbies list and players counter are brought up to date (and failed calls retried)
 * @param shutdownWhenEmpty once Allocated, ask Agones to shut the server down after this long without players; zero = never
 * @param requestTimeout    longest wait for one sidecar call
 * @param retryMax          longest pause between retries of Ready and of the GameServer watch
 */
public record AgonesSettings(boolean enabled, int sdkPort, Duration healthPeriod, Duration syncPeriod,
        Duration shutdownWhenEmpty, Duration requestTimeout, Duration retryMax) {
    /** Name of the GameServer list holding the id of every open lobby (capacity: {@code --max-lobbies}). */
    public static final String LOBBIES_LIST = "lobbies";
    /** Name of the GameServer counter holding the number of connected players. */
    public static final String PLAYERS_COUNTER = "players";
    /** The sidecar's default REST port, used when {@code AGONES_SDK_HTTP_PORT} is not set. */
    public static final int DEFAULT_SDK_PORT = 9358;
    /** The environment variable through which Agones tells the game server the sidecar's REST port. */
    public static final String SDK_PORT_ENV = "AGONES_SDK_HTTP_PORT";

    private static final AgonesSettings DEFAULTS = new AgonesSettings(false, DEFAULT_SDK_PORT,
            Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(5));

    public AgonesSettings {
        requireRange("agones-sdk-port", sdkPort, 1, 65_535);
        requireMillis("agones-health-millis", healthPeriod, 100, 60_000);
        requireMillis("agones-sync-millis", syncPeriod, 50, 60_000);
        require(shutdownWhenEmpty != null && !shutdownWhenEmpty.isNegative() && shutdownWhenEmpty.toSeconds() <= 86_400,
                "agones-shutdown-when-empty must be in [0, 86400] seconds");
        requireMillis("agones-timeout-millis", requestTimeout, 100, 60_000);
        requireMillis("agones-retry-max-millis", retryMax, 100, 300_000);
    }

    /** Off, with every timer at its default. */
    public static AgonesSettings defaults() {
        return DEFAULTS;
    }

    public AgonesSettings withEnabled(boolean v) {
        return new AgonesSettings(v, sdkPort, healthPeriod, syncPeriod, shutdownWhenEmpty, requestTimeout, retryMax);
    }

    public AgonesSettings withSdkPort(int v) {
        return new AgonesSettings(enabled, v, healthPeriod, syncPeriod, shutdownWhenEmpty, requestTimeout, retryMax);
    }

    public AgonesSettings withHealthPeriod(Duration v) {
        return new AgonesSettings(enabled, sdkPort, v, syncPeriod, shutdownWhenEmpty, requestTimeout, retryMax);
    }

    public AgonesSettings withSyncPeriod(Duration v) {
        return new AgonesSettings(enabled, sdkPort, healthPeriod, v, shutdownWhenEmpty, requestTimeout, retryMax);
    }

    public AgonesSettings withShutdownWhenEmpty(Duration v) {
        return new AgonesSettings(enabled, sdkPort, healthPeriod, syncPeriod, v, requestTimeout, retryMax);
    }

    public AgonesSettings withRequestTimeout(Duration v) {
        return new AgonesSettings(enabled, sdkPort, healthPeriod, syncPeriod, shutdownWhenEmpty, v, retryMax);
    }

    public AgonesSettings withRetryMax(Duration v) {
        return new AgonesSettings(enabled, sdkPort, healthPeriod, syncPeriod, shutdownWhenEmpty, requestTimeout, v);
    }

    private static void requireMillis(String name, Duration d, long min, long max) {
        require(d != null, name + " must be set");
        requireRange(name, d.toMillis(), min, max);
    }

    private static void requireRange(String name, long value, long min, long max) {
        require(value >= min && value <= max, name + " must be in [" + min + ", " + max + "], was " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
