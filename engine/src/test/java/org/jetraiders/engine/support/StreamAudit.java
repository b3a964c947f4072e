package org.jetraiders.engine.support;

import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyMetrics;

/**
 * Checks that a client lost nothing without being told. Snapshot sequence numbers count the output
 * stream, so between two snapshots a consumer delivered, the ones it did not deliver must be exactly
 * what the {@code onLagged} before the second one reported; a tick with no snapshot at all is one the
 * game loop could not publish for a full ring, which {@code snapshotsDroppedRingFull} counts.
 */
public final class StreamAudit {
    private StreamAudit() {
    }

    /**
     * A sink attached to a lobby, with the number of snapshots published just before and just after
     * the attach: its first snapshot is the next one after the stream's position at that moment.
     */
    public record Watched(RecordingSink sink, ClientSubscription subscription, long publishedBefore,
                          long publishedAfter) {
    }

    public static Watched attach(Lobby lobby, RecordingSink sink) {
        long before = lobby.metrics().snapshotsPublished();
        ClientSubscription sub = lobby.attach(sink);
        long after = lobby.metrics().snapshotsPublished();
        return new Watched(sink, sub, before, after);
    }

    /**
     * Fails unless every snapshot published after the attach and before the sink's last delivered one
     * was either delivered, in order, or reported by onLagged's missed count, and every tick missing
     * beyond those is counted as dropped for a full ring.
     *
     * @return how many ticks the sink did not see because the game loop dropped them
     */
    public static long assertNothingLostUnreported(Watched w, LobbyMetrics metrics) {
        var entries = w.sink().entries();
        long dropped = metrics.snapshotsDroppedRingFull(); // read after the entries: it only grows
        long pendingLag = 0;
        SnapshotCopy prev = null;
        long droppedTicksSeen = 0;
        for (RecordingSink.Entry e : entries) {
            switch (e.kind()) {
                case LAGGED -> {
                    if (e.missed() <= 0) {
                        throw new AssertionError("Lagged(" + e.missed() + ") in " + w.sink());
                    }
                    pendingLag += e.missed();
                }
                case SNAPSHOT -> {
                    SnapshotCopy s = e.snapshot();
                    if (prev == null) {
                        // the stream stood at sequence publishedBefore - 1 (or one more, if a publish was
                        // in flight) .. publishedAfter when the consumer started reading after it
                        long min = w.publishedBefore() + pendingLag;
                        long max = w.publishedAfter() + 1 + pendingLag;
                        if (s.sequence < min || s.sequence > max) {
                            throw new AssertionError("first snapshot has sequence " + s.sequence + " after Lagged("
                                    + pendingLag + "); attached when " + w.publishedBefore() + ".." + w.publishedAfter()
                                    + " were published, so it must be in [" + min + ", " + max + "]: " + w.sink());
                        }
                    } else {
                        long unseen = s.sequence - prev.sequence - 1;
                        if (unseen != pendingLag) {
                            throw new AssertionError(unseen + " snapshots between " + prev + " and " + s
                                    + " were not delivered but Lagged reported " + pendingLag + ": " + w.sink());
                        }
                        long ticksWithoutSnapshot = (s.tick - prev.tick - 1) - unseen;
                        if (ticksWithoutSnapshot < 0) {
                            throw new AssertionError("ticks out of order: " + prev + " then " + s);
                        }
                        droppedTicksSeen += ticksWithoutSnapshot;
                    }
                    pendingLag = 0;
                    prev = s;
                }
                default -> { }
            }
        }
        if (droppedTicksSeen > dropped) {
            throw new AssertionError(droppedTicksSeen + " ticks have no snapshot in the stream but only " + dropped
                    + " were dropped for a full ring: " + w.sink());
        }
        return droppedTicksSeen;
    }
}
