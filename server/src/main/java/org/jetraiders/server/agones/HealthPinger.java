package org.jetraiders.server.agones;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Agones a health ping each period while every lobby ticks on time, and withholds it while one
 * does not, so that Agones (after {@code health.failureThreshold} missed periods) replaces a server
 * that stopped serving. Logs each change between pinging and withholding once. Runs on the Agones thread.
 */
final class HealthPinger {
    private static final Logger LOG = LoggerFactory.getLogger(HealthPinger.class);
    static final String CALL = "health";

    private final SdkClient sdk;
    private final LobbyHost host;
    private final AgonesThread thread;
    private final FailureLog failures;
    private boolean withholding;

    HealthPinger(SdkClient sdk, LobbyHost host, AgonesThread thread, FailureLog failures) {
        this.sdk = sdk;
        this.host = host;
        this.thread = thread;
        this.failures = failures;
    }

    void ping() {
        boolean onTime = host.servingOnTime();
        if (!onTime) {
            if (!withholding) {
                LOG.warn("Agones: withholding health pings: a lobby is not ticking on time (see GET /health)");
                withholding = true;
            }
            return;
        }
        if (withholding) {
            LOG.info("Agones: every lobby ticks on time again; health pings resume");
            withholding = false;
        }
        sdk.health().whenCompleteAsync((ok, error) -> {
            if (error == null) {
                failures.succeeded(CALL);
            } else {
                failures.failed(CALL, error);
            }
        }, thread);
    }
}
