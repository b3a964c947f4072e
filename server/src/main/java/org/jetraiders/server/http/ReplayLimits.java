package org.jetraiders.server.http;

/**
 * Bounds of the replay routes ({@code --replay-concurrency}, {@code --replay-max-frames},
 * {@code --replay-list-max}).
 *
 * @param concurrency replay requests (listing or frames) served at once; more get 503 {@code replay_busy}
 * @param maxFrames   frames one {@code /replays/frames} request may ask for (and its default)
 * @param maxListed   replays one {@code /replays} page may list (and its default)
 */
record ReplayLimits(int concurrency, int maxFrames, int maxListed) {
    /** Ticks a frames request may skip between frames ({@code step}). */
    static final int MAX_STEP = 8;
    static final ReplayLimits DEFAULTS = new ReplayLimits(2, 600, 100);

    ReplayLimits {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("replay-concurrency must be in [1, 64], was " + concurrency);
        }
        if (maxFrames < 1 || maxFrames > 10_000) {
            throw new IllegalArgumentException("replay-max-frames must be in [1, 10000], was " + maxFrames);
        }
        if (maxListed < 1 || maxListed > 10_000) {
            throw new IllegalArgumentException("replay-list-max must be in [1, 10000], was " + maxListed);
        }
    }
}
