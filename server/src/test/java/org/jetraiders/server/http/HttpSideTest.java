package org.jetraiders.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.jetraiders.server.auth.GuestAuth;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.metrics.ServerMetrics;
import org.junit.jupiter.api.Test;

class HttpSideTest {
    private static HttpSide.Builder valid() {
        return HttpSide.builder()
                .bind("127.0.0.1", 0)
                .auth(new GuestAuth(GuestAuth.randomSecret(), System::currentTimeMillis, Duration.ofHours(1)))
                .lobbies(List::of)
                .metrics(new ServerMetrics());
    }

    @Test
    void shouldBuildWithDefaults() {
        assertNotNull(valid().build());
    }

    @Test
    void shouldRefuseMissingCollaborators() {
        assertThrows(NullPointerException.class, () -> valid().auth(null).build());
        assertThrows(NullPointerException.class, () -> valid().lobbies(null).build());
        assertThrows(NullPointerException.class, () -> valid().metrics(null).build());
    }

    @Test
    void shouldRefuseInvalidValues() {
        assertThrows(IllegalArgumentException.class, () -> valid().bind("127.0.0.1", 70000).build());
        assertThrows(IllegalArgumentException.class, () -> valid().threads(0).build());
        assertThrows(IllegalArgumentException.class, () -> valid().webSocket(0, "/ws").build());
        assertThrows(IllegalArgumentException.class, () -> valid().webSocket(3001, "ws").build());
        assertThrows(IllegalArgumentException.class, () -> valid().tickRate(0).build());
        assertThrows(IllegalArgumentException.class, () -> valid().requestTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> valid().idleTimeout(Duration.ofSeconds(-1)).build());
        assertThrows(IllegalArgumentException.class, () -> valid().maxConnections(0).build());
        assertThrows(IllegalArgumentException.class, () -> valid().maxHeaderBytes(100).build());
        assertThrows(IllegalArgumentException.class, () -> valid().maxBodyBytes(10).build());
    }

    @Test
    void shouldDefaultToTheSameLimitsAsTheServerConfig() {
        ServerConfig config = ServerConfig.defaults();

        assertEquals(new HttpLimits(config.httpThreads(), config.httpRequestTimeout(), config.httpIdleTimeout(),
                config.httpMaxConnections(), config.httpMaxHeaderBytes(), config.httpMaxBodyBytes()), HttpLimits.DEFAULTS);
    }

    @Test
    void shouldRefusePortBeforeStart() {
        assertThrows(IllegalStateException.class, () -> valid().build().port());
    }
}
