package org.jetraiders.server.transport;

import java.util.concurrent.ScheduledExecutorService;
import org.jetraiders.server.auth.GuestAuth;
import org.jetraiders.server.auth.ResumeKeys;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.lobby.LobbyManager;
import org.jetraiders.server.metrics.ServerMetrics;

/** What every connection needs from the server, passed as one object. */
record TransportContext(ServerConfig config, LobbyManager lobbies, GuestAuth auth, ResumeKeys resumeKeys,
                        ServerMetrics metrics, ScheduledExecutorService timers) {
}
