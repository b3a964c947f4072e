package org.jetraiders.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Every thread's adds reach the totals, also after the thread has ended, and the four counts stay apart. */
class TrafficCountsTest {
    @Test
    void shouldSumTheAddsOfEveryThreadIncludingThreadsThatHaveEnded() throws InterruptedException {
        TrafficCounts counts = new TrafficCounts();
        int threads = 6;
        int adds = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < adds; i++) {
                    counts.add(TrafficCounts.MESSAGES_OUT, 3);
                    counts.add(TrafficCounts.MESSAGES_IN, 2);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals((long) threads * adds, counts.sum(TrafficCounts.MESSAGES_OUT));
        assertEquals(3L * threads * adds, counts.sum(TrafficCounts.BYTES_OUT));
        assertEquals((long) threads * adds, counts.sum(TrafficCounts.MESSAGES_IN));
        assertEquals(2L * threads * adds, counts.sum(TrafficCounts.BYTES_IN));
    }
}
