package org.jetraiders.engine.journal;

/**
 * A one-slot hand-over of world images from the game loop to the journal thread. The game loop fills
 * it only while it is free and publishes it with a volatile write; the journal thread copies the
 * image out when its reading of the ring reaches the image's tick, then frees it. Neither side ever
 * waits: a game loop that finds it full tries again on the next tick.
 *
 * <p>The journal also asks for an image here ({@link #requestImage()}) when it must start a new file
 * (after falling behind), so it need not wait for the next scheduled snapshot.
 */
final class ImageMailbox {
    private final ByteWriter image;
    private volatile boolean full;
    private volatile boolean imageRequested;
    private long tick;
    private long matchNumber;

    ImageMailbox(int initialCapacity) {
        image = new ByteWriter(initialCapacity);
    }

    // ---- game loop -------------------------------------------------------------------------------

    boolean isFree() {
        return !full;
    }

    /** The buffer to write an image into; only while {@link #isFree()}. */
    ByteWriter buffer() {
        return image;
    }

    /** Hands the image in {@link #buffer()} over. */
    void publish(long imageTick, long imageMatchNumber) {
        tick = imageTick;
        matchNumber = imageMatchNumber;
        imageRequested = false;
        full = true;
    }

    boolean imageRequested() {
        return imageRequested;
    }

    // ---- journal thread --------------------------------------------------------------------------

    boolean isFull() {
        return full;
    }

    /** Tick of the image; only while {@link #isFull()}. */
    long tick() {
        return tick;
    }

    long matchNumber() {
        return matchNumber;
    }

    ByteWriter image() {
        return image;
    }

    void release() {
        full = false;
    }

    void requestImage() {
        imageRequested = true;
    }
}
