package org.jetraiders.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jetraiders.server.GameServer;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.journal.JournalSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real match recorded by a server with two bots, then watched in the browser with
 * {@code ?replay=<id>} on a second server over the same data directory: ticks advance, pause holds
 * them, 2x and 4x advance two and four times as fast as 1x, seeking lands on the chosen tick, and an
 * unknown id says so. Everything is read through {@code window.jetRaiders.replay}.
 */
class BrowserReplayIT {
    private static final int RECORDED_TICKS = 600;

    @TempDir
    static Path dataDir;
    private static GameServer server;
    private static String replayId;
    private static final HttpClient http = HttpClient.newHttpClient();
    private HeadlessChromium browser;

    /** One recording for the class: the match takes seconds of real time. */
    @BeforeAll
    static void recordAMatchThenServeIt() throws Exception {
        HeadlessChromium.assumeInstalled();
        JournalSettings journal = JournalSettings.defaults().withDataDir(dataDir);
        GameServer recorder = new GameServer(ServerConfig.builder().wsPort(0).httpPort(0).bots(2).countdownSeconds(1)
                .journal(journal).build());
        recorder.start();
        try {
            new FluentWait<>(recorder).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(250))
                    .until(s -> longestRecording(s.httpPort()) != null);
        } finally {
            recorder.stop(); // the journal ends its file ("lobby stopped")
        }
        server = new GameServer(ServerConfig.builder().wsPort(0).httpPort(0).journal(journal.withEnabled(false)).build());
        server.start();
        replayId = longestRecording(server.httpPort());
        assertTrue(replayId != null, "the recording is listed by the viewing server");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    /** The id of the longest listed recording if it has {@link #RECORDED_TICKS} ticks, else null. */
    private static String longestRecording(int port) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/replays"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return null;
            }
            JsonArray replays = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("replays");
            JsonObject best = null;
            for (JsonElement e : replays) {
                JsonObject o = e.getAsJsonObject();
                if (best == null || o.get("ticks").getAsLong() > best.get("ticks").getAsLong()) {
                    best = o;
                }
            }
            return best != null && best.get("ticks").getAsLong() >= RECORDED_TICKS ? best.get("id").getAsString() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private String page(String query) {
        return "http://127.0.0.1:" + server.httpPort() + "/" + query;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(50));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> replay() {
        return (Map<String, Object>) browser.js("return window.jetRaiders.replay.state()");
    }

    private long tick() {
        return ((Number) replay().get("tick")).longValue();
    }

    private long frames() {
        return ((Number) browser.js("return window.jetRaiders.state().frame")).longValue();
    }

    private double steadyRate(int speed, long first) {
        browser.js("window.jetRaiders.replay.seek(arguments[0]); window.jetRaiders.replay.speed(arguments[1]);"
                + "window.jetRaiders.replay.play()", first, speed);
        waiting().until(d -> {
            Map<String, Object> s = replay();
            return Boolean.TRUE.equals(s.get("playing")) && ((Number) s.get("steadyMs")).doubleValue() >= 1100;
        });
        Map<String, Object> s = replay();
        assertEquals((long) speed, ((Number) s.get("speed")).longValue());
        return ((Number) s.get("ticksPerSecond")).doubleValue();
    }

    @Test
    void playsPausesSpeedsUpAndSeeksARecordedMatch() {
        browser.driver().get(page("?replay=" + replayId));
        waiting().until(d -> "ready".equals(replay().get("status")));
        long first = ((Number) replay().get("first")).longValue();
        long last = ((Number) replay().get("last")).longValue();
        assertTrue(last - first >= RECORDED_TICKS - 1, replay().toString());
        long start = tick();
        waiting().until(d -> tick() >= start + 30);

        browser.js("window.jetRaiders.replay.pause()");
        long paused = tick();
        long framesAtPause = frames();
        waiting().until(d -> frames() >= framesAtPause + 30); // half a second of drawn frames
        assertEquals(paused, tick(), "paused: the tick holds");

        double x1 = steadyRate(1, first);
        double x2 = steadyRate(2, first);
        double x4 = steadyRate(4, first);
        assertTrue(x1 > 0, "1x advances");
        System.out.printf("replay rates (ticks/s of page time): 1x %.1f, 2x %.1f, 4x %.1f%n", x1, x2, x4);
        assertTrue(x2 / x1 > 1.7 && x2 / x1 < 2.3, "2x is twice 1x: " + x1 + " vs " + x2);
        assertTrue(x4 / x1 > 3.4 && x4 / x1 < 4.6, "4x is four times 1x: " + x1 + " vs " + x4);

        browser.js("window.jetRaiders.replay.pause()");
        long target = first + (last - first) / 2;
        browser.js("window.jetRaiders.replay.seek(arguments[0])", target);
        waiting().until(d -> Boolean.FALSE.equals(replay().get("buffering")) && tick() == target);
        long framesAtSeek = frames();
        waiting().until(d -> frames() >= framesAtSeek + 10);
        assertEquals(target, tick(), "lands on the chosen tick and stays there while paused");
        assertTrue(browser.driver().findElement(By.id("replay-time")).getText().contains("tick " + target),
                browser.driver().findElement(By.id("replay-time")).getText());

        assertEquals(0L, ((Number) browser.js("return window.__jr.errors")).longValue(), "no script errors");
    }

    @Test
    void listsTheRecordingOnTheStartScreenAndExplainsAnUnknownId() {
        browser.driver().get(page(""));
        browser.driver().findElement(By.id("replays-toggle")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#replay-list a[href='/?replay=" + replayId + "']")).isEmpty());

        browser.driver().get(page("?replay=nowhere~20000101T000000Z-1"));
        waiting().until(d -> "error".equals(replay().get("status")));
        assertTrue(String.valueOf(replay().get("error")).contains("no recorded match"), replay().toString());
        waiting().until(d -> d.findElement(By.id("center-title")).isDisplayed());
        assertEquals("Replay unavailable", browser.driver().findElement(By.id("center-title")).getText());
    }
}
