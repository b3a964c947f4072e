package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jetraiders.engine.LobbyMetrics;
import org.jetraiders.server.it.support.Bystander;
import org.jetraiders.server.it.support.RawWebSocket;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.lobby.ManagedLobby;
import org.junit.jupiter.api.Test;

/**
 * A thousand clients that join and then never read: their snapshots are skipped once their send
 * queues reach the limit, memory stays bounded, every lobby keeps ticking, and a client in a lobby
 * full of them keeps its stream: every snapshot delivered or reported skipped.
 */
class StalledCrowdIT {
    private static final int LOBBY_SIZE = 63; // + the bystander = 64, the default lobby size

    @Test
    void shouldKeepMemoryBoundedAndOthersServedWhenAThousandClientsStopReading() throws Exception {
        int stalledCount = stalledClientsThisMachineAllows();
        try (ServerFixture fixture = ServerFixture.start(ServerFixture.config()
                // a crowd from one address, in lobbies it creates: lift both per-address caps
                .maxConnectionsPerAddress(2000).maxConnections(2000).maxLobbies(64).maxLobbiesPerAddress(64)
                .sendQueueLimitBytes(32 * 1024).connectionLostTimeout(Duration.ofSeconds(120)))) {
            Bystander bystander = new Bystander(fixture.joined("crowd-0", "Bystander"), fixture.lobbyMetrics("crowd-0"), 300);
            List<RawWebSocket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < stalledCount; i++) {
                    RawWebSocket socket = RawWebSocket.connect(fixture.server().webSocketPort(),
                            "/ws?lobby_id=crowd-" + (i / LOBBY_SIZE));
                    socket.sendText("{\"type\":\"Join\",\"data\":{\"name\":\"stalled-" + i + "\"}}");
                    stalled.add(socket); // ...and it never reads again
                }
                ServerFixture.awaitCondition("every stalled client joined", Duration.ofSeconds(60),
                        () -> playersIn(fixture) == stalledCount + 1);
                LobbyMetrics crowd = fixture.server().lobbies().find("crowd-0").lobby().metrics();
                ServerFixture.awaitCondition("the stalled clients' snapshots are being skipped", Duration.ofSeconds(60),
                        () -> crowd.snapshotsSkipped() > 0);

                bystander.mark();
                bystander.assertUnaffected(); // 300 ticks (5 s) with a full lobby of stalled clients

                // Every stalled socket holds at most its queue limit on our side (the rest waits in the
                // kernel): bounded, however long they stay. Unbounded queues would hold ~250 KB/s each.
                System.gc();
                MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                long bound = 256L * 1024 * 1024 + stalledCount * 2L * 32 * 1024;
                assertTrue(heap.getUsed() < bound, "heap in use " + (heap.getUsed() >> 20) + " MiB with "
                        + stalledCount + " stalled clients (bound " + (bound >> 20) + " MiB)");
                // every lobby still ticks (whether each tick is on time with a thousand sockets on a
                // loaded machine is a performance question, for the load test and its benchmarks)
                Map<String, Long> ticksBefore = new TreeMap<>();
                for (ManagedLobby lobby : fixture.server().lobbies().all()) {
                    ticksBefore.put(lobby.name(), lobby.lobby().metrics().ticks());
                }
                for (ManagedLobby lobby : fixture.server().lobbies().all()) {
                    long before = ticksBefore.get(lobby.name());
                    ServerFixture.awaitCondition("lobby " + lobby.name() + " to tick on past " + before,
                            () -> lobby.lobby().metrics().ticks() >= before + 60);
                }
            } finally {
                for (RawWebSocket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    private static int playersIn(ServerFixture fixture) {
        return fixture.server().lobbies().all().stream().mapToInt(l -> l.lobby().playerCount()).sum();
    }

    /** A thousand, or fewer where the file-descriptor limit (two per connection in this JVM) is lower. */
    private static int stalledClientsThisMachineAllows() {
        long maxFds = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : 4096;
        int count = (int) Math.min(1000, (maxFds - 400) / 2);
        assumeTrue(count >= 200, "needs a file-descriptor limit of at least 800 (ulimit -n), have " + maxFds);
        return count;
    }
}
