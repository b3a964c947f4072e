package org.jetraiders.server.agones;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the GameServer Ready once both of our ports accept connections, retrying with backoff: the
 * sidecar starts beside us and may not listen yet. Runs on the Agones thread.
 */
final class ReadyAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyAnnouncer.class);
    static final String CALL = "ready";

    private final SdkClient sdk;
    private final AgonesThread thread;
    private final FailureLog failures;
    private final List<InetSocketAddress> ports;
    private final int connectTimeoutMillis;
    private final Backoff backoff;
    private int attempts;

    /**
     * @param ports the game and HTTP endpoints, as a client on this machine reaches them
     */
    ReadyAnnouncer(SdkClient sdk, AgonesThread thread, FailureLog failures, List<InetSocketAddress> ports,
                   Duration connectTimeout, Duration retryMax) {
        this.sdk = sdk;
        this.thread = thread;
        this.failures = failures;
        this.ports = List.copyOf(ports);
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
        this.backoff = new Backoff(retryMax);
    }

    void attempt() {
        attempts++;
        String closedPort = firstClosedPort();
        if (closedPort != null) {
            // GameServer.start() returns after binding both, so this is a defect, not a race; keep trying anyway
            LOG.warn("Agones: not Ready yet, {} does not accept connections", closedPort);
            thread.schedule(this::attempt, backoff.next());
            return;
        }
        sdk.ready().whenCompleteAsync((ok, error) -> {
            if (error == null) {
                failures.succeeded(CALL);
                LOG.info("Agones: GameServer marked Ready (attempt {})", attempts);
            } else {
                failures.failed(CALL, error);
                thread.schedule(this::attempt, backoff.next());
            }
        }, thread);
    }

    private String firstClosedPort() {
        for (InetSocketAddress port : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(port, connectTimeoutMillis);
            } catch (IOException e) {
                return port.toString();
            }
        }
        return null;
    }
}
