package org.jetraiders.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jetraiders.engine.support.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link PassThread#isIdle()}: parked between passes with no wake-up pending, and not otherwise. */
@Timeout(30)
class PassThreadIdleTest {

    /** Passes on an hour's beat; each pass takes a permit, so a test can hold a pass in progress. */
    private static final class GatedThread extends PassThread {
        final Semaphore gate = new Semaphore(0);
        final CountDownLatch inPass = new CountDownLatch(2);

        GatedThread() {
            super("pass-idle-test");
        }

        @Override
        public void run() {
            while (isRunning()) {
                beginPass();
                inPass.countDown();
                gate.acquireUninterruptibly();
                parkUnlessWoken(TimeUnit.HOURS.toNanos(1));
            }
        }
    }

    @Test
    void shouldBeIdleOnlyWhileParkedWithNoWakeUpPending() throws Exception {
        GatedThread t = new GatedThread();
        t.start();
        try {
            assertFalse(t.isIdle(), "in its first pass");
            t.gate.release();
            Await.until(t::isIdle, "parked after the first pass");

            t.wake();
            assertFalse(t.isIdle(), "a wake-up is pending or a pass is running");
            Await.until(() -> t.inPass.getCount() == 0, "the second pass began");
            assertFalse(t.isIdle(), "in its second pass");
            t.gate.release();
            Await.until(t::isIdle, "parked after the second pass");
        } finally {
            t.stop();
            t.gate.release(2);
            t.join(5_000);
        }
    }
}
