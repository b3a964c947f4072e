package org.jetraiders.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {
    private final ServerMetrics metrics = new ServerMetrics();

    @Test
    void shouldTrackOpenConnectionsAndDisconnectReasons() {
        metrics.connectionOpened();
        metrics.connectionOpened();
        metrics.connectionOpened();
        metrics.connectionClosed("client_closed");
        metrics.connectionClosed("too_slow");

        assertEquals(1, metrics.connections());
        assertEquals(3, metrics.connectionsOpened());
        assertEquals(1, metrics.disconnects("client_closed"));
        assertEquals(Map.of("client_closed", 1L, "too_slow", 1L), metrics.disconnectsByReason());
    }

    @Test
    void shouldCountMessagesAndBytes() {
        metrics.messageIn(10);
        metrics.messageIn(5);
        metrics.messageOut(100);

        assertEquals(2, metrics.messagesIn());
        assertEquals(15, metrics.bytesIn());
        assertEquals(1, metrics.messagesOut());
        assertEquals(100, metrics.bytesOut());
    }

    @Test
    void shouldCountRejectionsByReason() {
        metrics.handshakeRejected("unknown_lobby");
        metrics.rejectedInput("bad_json");
        metrics.rejectedInput("bad_json");

        assertEquals(1, metrics.handshakesRejected("unknown_lobby"));
        assertEquals(2, metrics.rejectedInputs("bad_json"));
        assertEquals(Map.of("bad_json", 2L), metrics.rejectedInputsByReason());
        assertEquals(Map.of("unknown_lobby", 1L), metrics.handshakesRejectedByReason());
    }

    @Test
    void shouldCountResumesGraceExpiriesAndSpectatorsWatching() {
        metrics.playerResumed();
        metrics.reconnectGraceExpired();
        metrics.reconnectGraceExpired();
        metrics.spectatorsChanged(1);
        metrics.spectatorsChanged(1);
        metrics.spectatorsChanged(-1);

        assertEquals(1, metrics.resumes());
        assertEquals(2, metrics.reconnectGraceExpiries());
        assertEquals(1, metrics.spectators());
    }

    @Test
    void shouldCountRestoredLobbiesTheirHeldPlayersAndRestoreFailuresByReason() {
        metrics.lobbyRestored(3);
        metrics.lobbyRestored(0);
        metrics.lobbyRestoreFailed("corrupt");
        metrics.lobbyRestoreFailed("corrupt");
        metrics.lobbyRestoreFailed("version");

        assertEquals(2, metrics.lobbiesRestored());
        assertEquals(3, metrics.playersRestored());
        assertEquals(java.util.Map.of("corrupt", 2L, "version", 1L), metrics.restoreFailuresByReason());
    }

    @Test
    void shouldExportEveryTransportFamilyTheTickHistogramAndTheJournalsButNotTheMergedRejections() {
        metrics.connectionOpened();
        metrics.connectionClosed("too_slow");
        metrics.handshakeRejected("unknown_path");
        metrics.messageIn(1);
        metrics.messageOut(1);
        metrics.tickDurations().observeNanos(1_000);
        metrics.httpRefused("request_timeout");
        metrics.agonesCallFailed("ready");
        metrics.journal().journalBroken("main", "lapped");
        metrics.lobbyRestoreFailed("corrupt");
        metrics.pipelineThreadNice(org.jetraiders.engine.PipelineThreadRole.GAME_LOOP, -10);
        metrics.pipelineThreadRtPriority(org.jetraiders.engine.PipelineThreadRole.GAME_LOOP, 10);

        Set<String> names = new TreeSet<>();
        metrics.collect().forEach(family -> names.add(family.getMetadata().getPrometheusName()));

        assertEquals(Set.of("jetraiders_connections", "jetraiders_messages_in", "jetraiders_messages_out",
                "jetraiders_bytes_in", "jetraiders_bytes_out", "jetraiders_disconnects",
                "jetraiders_handshakes_rejected", "jetraiders_http_refused", "jetraiders_agones_errors",
                "jetraiders_lobbies_restored", "jetraiders_players_restored", "jetraiders_lobby_restore_failures",
                "jetraiders_resumes", "jetraiders_reconnect_grace_expired", "jetraiders_spectators",
                "jetraiders_pipeline_thread_nice", "jetraiders_pipeline_thread_rt_priority", TickDurations.NAME, "jetraiders_journal_bytes_written", "jetraiders_journal_broken",
                "jetraiders_journal_fsync_seconds", "jetraiders_journal_files_deleted"), names);
        assertEquals(java.util.Map.of("lapped", 1L), metrics.journal().brokenByReason());
        assertEquals(1, metrics.tickDurations().count());
    }
}
