package org.jetraiders.engine.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition with a short park until it holds or a (generous) timeout fails the test. */
public final class Await {
    /** Default patience: far above what any condition needs on an idle machine, so noise cannot fail a test. */
    public static final Duration LONG = Duration.ofSeconds(10);

    private Await() {
    }

    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> whatWeWaitedFor) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for "
                        + whatWeWaitedFor.get());
            }
            LockSupport.parkNanos(500_000);
        }
    }

    public static void until(BooleanSupplier condition, Supplier<String> whatWeWaitedFor) {
        until(condition, LONG, whatWeWaitedFor);
    }

    public static void until(BooleanSupplier condition, String whatWeWaitedFor) {
        until(condition, LONG, () -> whatWeWaitedFor);
    }
}
