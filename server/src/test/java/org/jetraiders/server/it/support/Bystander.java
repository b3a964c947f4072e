package org.jetraiders.server.it.support;

import org.jetraiders.engine.LobbyMetrics;

/**
 * A well-behaved client in the same lobby as a misbehaving one. {@link #mark()} before the abuse,
 * {@link #assertUnaffected()} after it: still open, still receiving WorldUpdates, in order, and every
 * tick in between either delivered or reported skipped by the server.
 *
 * <p>It deliberately does not ask for a share of the ticks delivered: on a loaded machine a healthy
 * client may fall behind and be skipped (and told so with Lagged) for reasons that have nothing to
 * do with the abuse, so such a threshold measures the machine, not the server. What must never
 * happen is a WorldUpdate lost without the server saying so.
 */
public final class Bystander {
    private final TestClient client;
    private final LobbyMetrics lobby;
    private final int minWindowTicks;
    private long markTick;

    /** Watches at least 30 ticks (half a second at 60 Hz) after the abuse. */
    public Bystander(TestClient client, LobbyMetrics lobby) {
        this(client, lobby, 30);
    }

    /**
     * @param lobby          the metrics of the bystander's lobby (snapshots its game loop could not publish)
     * @param minWindowTicks the watched window extends at least this many ticks past {@link #mark()}
     */
    public Bystander(TestClient client, LobbyMetrics lobby, int minWindowTicks) {
        this.client = client;
        this.lobby = lobby;
        this.minWindowTicks = minWindowTicks;
    }

    public TestClient client() {
        return client;
    }

    /** Waits for a first WorldUpdate and remembers the newest tick received as the start of the watched window. */
    public void mark() throws InterruptedException {
        ServerFixture.awaitCondition("a first WorldUpdate", () -> client.worldUpdateCount() > 0);
        markTick = client.lastTick();
    }

    /**
     * Fails unless the bystander stayed open, kept receiving WorldUpdates (in tick order) until at
     * least {@code minWindowTicks} past {@link #mark()}, and every tick in that window reached it or
     * was reported: skipped for it (a Lagged notice) or never published by the lobby (its
     * ring-full count).
     */
    public void assertUnaffected() throws InterruptedException {
        long mark = markTick;
        long end = client.await("WorldUpdate", d -> d.get("tick").getAsLong() >= mark + minWindowTicks)
                .get("tick").getAsLong();
        if (client.hasClosed()) {
            throw new AssertionError("bystander was closed: " + client.closeCode() + " " + client.closeReason());
        }
        TestClient.TickAccount account = client.tickAccount(mark, end);
        // read after the window's last WorldUpdate arrived, so it counts every drop in the window
        long notPublished = lobby.snapshotsDroppedRingFull();
        if (account.unaccounted() < 0) {
            throw new AssertionError("bystander was told more WorldUpdates were skipped than are missing: " + account);
        }
        if (account.unaccounted() > notPublished) {
            throw new AssertionError("bystander lost WorldUpdates without being told: of ticks " + (mark + 1) + ".."
                    + end + " it received " + account.received() + ", was told " + account.reportedMissed()
                    + " were skipped (Lagged), and the lobby could not publish " + notPublished + " snapshots at all");
        }
    }
}
