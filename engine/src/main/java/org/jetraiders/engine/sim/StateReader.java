package org.jetraiders.engine.sim;

/**
 * Reads back, in the same order, what a {@link StateWriter} was given. An implementation throws an
 * unchecked exception when its input runs out or is malformed.
 */
public interface StateReader {
    long getLong();

    int getInt();

    double getDouble();

    boolean getBoolean();

    String getString();
}
