package org.jetraiders.server.it.support;

import java.util.List;

/**
 * A well-behaved client in the same lobby as a misbehaving one. {@link #mark()} before the abuse,
 * {@link #assertUnaffected()} after it: still open, still receiving WorldUpdates, and (nearly) every
 * tick in between delivered.
 */
public final class Bystander {
    private final TestClient client;
    private final int minWindowTicks;
    private long markTick;

    /** Watches at least 30 ticks (half a second at 60 Hz) after the abuse. */
    public Bystander(TestClient client) {
        this(client, 30);
    }

    /** @param minWindowTicks the watched window extends at least this many ticks past {@link #mark()} */
    public Bystander(TestClient client, int minWindowTicks) {
        this.client = client;
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

    /** Fails unless the bystander stayed open and received ≥ 90% of the ticks since {@link #mark()}. */
    public void assertUnaffected() throws InterruptedException {
        long mark = markTick;
        long end = client.await("WorldUpdate", d -> d.get("tick").getAsLong() >= mark + minWindowTicks)
                .get("tick").getAsLong();
        if (client.hasClosed()) {
            throw new AssertionError("bystander was closed: " + client.closeCode() + " " + client.closeReason());
        }
        List<Long> ticks = client.worldTicks();
        long received = ticks.stream().filter(t -> t > mark && t <= end).count();
        long elapsed = end - mark;
        if (received < 0.9 * elapsed) {
            throw new AssertionError("bystander got only " + received + " of " + elapsed + " WorldUpdates");
        }
    }
}
