package org.jetraiders.server.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.jetraiders.server.it.support.ServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server started with the defaults runs its game-loop and encoding threads in SCHED_FIFO 10 and at
 * nice -10 where it may (root or CAP_SYS_NICE), its client threads at the default, and says so in
 * /metrics; elsewhere the threads run at the default policy and nice 0, and /metrics says that too.
 */
class GameLoopPriorityIT {

    @BeforeAll
    static void onLinux() {
        assumeTrue(ThreadNiceOnLinux.isLinux(), "thread priorities are set on Linux only");
    }

    @Test
    void shouldRunTheGameLoopAndEncoderAtTheDefaultNiceAndReportIt() throws Exception {
        int expected = ThreadNiceOnLinux.mayLowerNiceTo(-10) ? -10 : 0;
        try (ServerFixture fixture = ServerFixture.start(ServerFixture.config())) {
            fixture.joined("prio", "pilot").awaitWorldUpdateAfter(0);
            assertEquals(expected, ThreadNiceOnLinux.ofThreadNamed("jr-game-loop-0"), "game loop");
            assertEquals(expected, ThreadNiceOnLinux.ofThreadNamed("jr-clients-encoder-0"), "encoder");
            assertEquals(0, ThreadNiceOnLinux.ofThreadNamed("jr-clients-0"), "client thread");
            String metrics = fixture.get("/metrics").body();
            assertTrue(metrics.contains("jetraiders_pipeline_thread_nice{role=\"game_loop\"} " + expected + ".0"), metrics);
            assertTrue(metrics.contains("jetraiders_pipeline_thread_nice{role=\"encoder\"} " + expected + ".0"), metrics);
        }
    }

    @Test
    void shouldRunTheGameLoopAndEncoderInRealTimeByDefaultAndReportIt() throws Exception {
        int expected = ThreadNiceOnLinux.mayUseFifo(10) ? 10 : 0;
        try (ServerFixture fixture = ServerFixture.start(ServerFixture.config())) {
            fixture.joined("rt", "pilot").awaitWorldUpdateAfter(0);
            assertEquals(expected, ThreadNiceOnLinux.fifoPriorityOfThreadNamed("jr-game-loop-0"), "game loop");
            assertEquals(expected, ThreadNiceOnLinux.fifoPriorityOfThreadNamed("jr-clients-encoder-0"), "encoder");
            assertEquals(0, ThreadNiceOnLinux.fifoPriorityOfThreadNamed("jr-clients-0"), "client thread");
            String metrics = fixture.get("/metrics").body();
            assertTrue(metrics.contains("jetraiders_pipeline_thread_rt_priority{role=\"game_loop\"} " + expected + ".0"), metrics);
            assertTrue(metrics.contains("jetraiders_pipeline_thread_rt_priority{role=\"encoder\"} " + expected + ".0"), metrics);
        }
    }

    @Test
    void shouldLeaveThePolicyAloneWithRealTimePriorityZero() throws Exception {
        int expectedNice = ThreadNiceOnLinux.mayLowerNiceTo(-10) ? -10 : 0;
        try (ServerFixture fixture = ServerFixture.start(ServerFixture.config().gameLoopRtPriority(0))) {
            fixture.joined("rt0", "pilot").awaitWorldUpdateAfter(0);
            assertEquals(0, ThreadNiceOnLinux.fifoPriorityOfThreadNamed("jr-game-loop-0"));
            assertEquals(0, ThreadNiceOnLinux.fifoPriorityOfThreadNamed("jr-clients-encoder-0"));
            assertEquals(expectedNice, ThreadNiceOnLinux.ofThreadNamed("jr-game-loop-0"), "the nice value still applies");
            assertFalse(fixture.get("/metrics").body().contains("jetraiders_pipeline_thread_rt_priority{"),
                    "nothing asked, nothing reported");
        }
    }

    @Test
    void shouldLeaveEveryThreadAloneWithNiceZero() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(ServerFixture.config().gameLoopNice(0).gameLoopRtPriority(0))) {
            fixture.joined("prio0", "pilot").awaitWorldUpdateAfter(0);
            assertEquals(0, ThreadNiceOnLinux.ofThreadNamed("jr-game-loop-0"));
            assertEquals(0, ThreadNiceOnLinux.ofThreadNamed("jr-clients-encoder-0"));
            assertFalse(fixture.get("/metrics").body().contains("jetraiders_pipeline_thread_nice{"),
                    "nothing asked, nothing reported");
        }
    }
}
