package org.jetraiders.engine.sim;

/**
 * Where {@link World#writeState} puts the world's state, value by value. The world decides the order
 * of the values, the implementation their bytes (the journal's varints). Must not allocate: the game
 * loop writes a checksum image every second.
 */
public interface StateWriter {
    void putLong(long v);

    void putInt(int v);

    void putDouble(double v);

    void putBoolean(boolean v);

    /** A name; null allowed. */
    void putString(String s);
}
