package org.jetraiders.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.jetraiders.engine.PlayerScore;
import org.jetraiders.server.GameServer;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.it.support.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser client takes its plane back after a page reload (the resume token it kept in
 * sessionStorage), and watches a lobby with {@code ?spectate=1}, following a player with
 * {@code ?follow=}.
 */
class BrowserReconnectIT {
    private GameServer server;
    private HeadlessChromium browser;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        server = new GameServer(ServerConfig.builder().wsPort(0).httpPort(0).bots(2).journal(ServerFixture.config().journal()).build()); // a fresh --data-dir: never restore an old run's lobby
        server.start();
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private String page(String query) {
        return "http://127.0.0.1:" + server.httpPort() + "/" + query;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
    }

    @Test
    void takesItsPlaneBackAfterThePageReloads() {
        browser.driver().get(page("?name=Reloader&autoplay=1"));
        waiting().until(d -> "playing".equals(browser.js("return window.__jr.state")));
        String before = String.valueOf(browser.js("return window.__jr.playerId"));

        browser.driver().navigate().refresh(); // logs in anew: only the kept resume token can bring the plane back

        waiting().until(d -> "playing".equals(browser.js("return window.__jr.state")));
        assertEquals(before, String.valueOf(browser.js("return window.__jr.playerId")), "the same player");
        assertEquals(1, server.metrics().resumes());
        assertEquals(3, server.lobbies().defaultLobby().lobby().playerCount(), "two bots and one Reloader");
    }

    @Test
    void watchesTheLobbyAsASpectatorAndFollowsTheChosenPlayer() {
        waiting().until(d -> server.lobbies().defaultLobby().lobby().scores().size() == 2); // the bots are in
        int bot = server.lobbies().defaultLobby().lobby().scores().stream().mapToInt(PlayerScore::playerId).min()
                .orElseThrow();
        browser.driver().get(page("?spectate=1"));
        waiting().until(d -> "playing".equals(browser.js("return window.__jr.state")));
        waiting().until(d -> ((Number) browser.js("return window.__jr.snapshots")).longValue() > 30);
        assertNull(browser.js("return window.__jr.playerId"), "roaming");
        assertEquals(1, server.lobbies().defaultLobby().spectators());
        assertEquals(2, server.lobbies().defaultLobby().lobby().playerCount(), "no plane for the spectator");

        browser.driver().get(page("?spectate=1&follow=" + bot));
        waiting().until(d -> String.valueOf(bot).equals(browser.js("return window.__jr.playerId")));
        assertNotNull(browser.js("return window.__jr.lastTick"));
        assertEquals(0L, ((Number) browser.js("return window.__jr.errors")).longValue(), "no script errors");
    }
}
