package org.jetraiders.server.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetraiders.server.transport.InboundWarmup;
import org.junit.jupiter.api.Test;

/** The warm-up drives the code live lobbies run, over the range of states they run it in. */
class JitWarmupTest {
    private static final int HZ = 60;

    @Test
    void shouldTakeTheBattleThroughEveryLobbySizeFromOnePlaneToAFullLobby() {
        BattleWarmup battle = new BattleWarmup(HZ);
        battle.run(BattleWarmup.WAVE_TICKS * 20);
        assertEquals(1, battle.minPlayersSeen);
        assertEquals(BattleWarmup.PLAYERS, battle.maxPlayersSeen);
        boolean[] sizes = new boolean[BattleWarmup.PLAYERS + 1];
        for (int wave = 0; wave < 40; wave++) {
            sizes[BattleWarmup.targetPlayers(wave)] = true;
        }
        for (int n = 1; n <= BattleWarmup.PLAYERS; n++) {
            assertTrue(sizes[n], "a wave with " + n + " players");
        }
    }

    @Test
    void shouldProduceEveryKindOfFrameAPlayerGets() {
        BattleWarmup battle = new BattleWarmup(HZ);
        battle.run(JitWarmup.TICKS);
        assertTrue(battle.jsonFrames > 0, "JSON world updates");
        assertTrue(battle.binaryFullFrames() > 0, "binary full frames (every joining player starts with one)");
        assertTrue(battle.binaryDeltaFrames() > battle.binaryFullFrames(), "mostly binary deltas, as in play");
        assertTrue(battle.scoreboards >= JitWarmup.TICKS / HZ, "a scoreboard at least once a second");
        assertTrue(battle.killFeeds > 0, "kills happen, so the kill feed is written");
    }

    @Test
    void shouldParseEveryWarmUpMessageCleanly() {
        assertEquals(InboundWarmup.messages(50), InboundWarmup.run(50));
        assertEquals(50 * 3 + 4 * 3, InboundWarmup.messages(50), "3 a round, and 3 more every 16th");
    }

    @Test
    void shouldRunAPrivateLobbyThroughThePipelineAndItsJournalAndLeaveNothingBehind() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        java.util.Set<java.nio.file.Path> before = warmUpDirectories(tmp);
        PipelineWarmup.Result result = PipelineWarmup.run(HZ, BattleWarmup.WAVE_TICKS * 4);
        assertEquals(PipelineWarmup.LOBBIES * BattleWarmup.WAVE_TICKS * 4, result.ticks(), "every tick of every lobby stepped");
        assertTrue(result.snapshots() >= result.ticks(), "the clients' sinks took snapshots: " + result);
        assertTrue(result.journalBytes() > 0, "the journal recorded the lobby: " + result);
        assertEquals(0, result.journalBreaks(), "the journal kept up: " + result);
        assertTrue(result.inputRounds() <= result.ticks() + PipelineWarmup.LOBBIES,
                "at most one round of inputs per tick of each lobby, so the journal is never lapped: " + result);
        assertTrue(result.inputRounds() > 0, "the feeder published inputs: " + result);
        assertEquals(before, warmUpDirectories(tmp), "its journal directory is deleted");
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("jr-warmup")
                && t.isAlive()), "its threads are gone");
    }

    private static java.util.Set<java.nio.file.Path> warmUpDirectories(java.nio.file.Path tmp) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("jr-warmup-journal"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void shouldReportWhatItRan() {
        JitWarmup.Report report = JitWarmup.run(HZ, 600, 10, false);
        assertEquals(600, report.ticks());
        assertEquals(PipelineWarmup.LOBBIES * 300, report.pipelineTicks(), "half the ticks in each lobby");
        assertTrue(report.frames() > 600, "frames for every player of every tick: " + report);
        assertEquals(InboundWarmup.messages(10), report.messages());
        assertTrue(report.settled());
        assertEquals(0, report.settleMillis());
    }
}
