package org.jetraiders.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.journal.Replay;
import org.jetraiders.server.auth.GuestAuth;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /replays} and {@code GET /replays/frames} over a real {@link HttpSide}, on copies of the
 * engine's golden journal (a scripted 700-tick match) laid out as the server writes them.
 */
class ReplayRoutesTest {
    @TempDir
    Path dataDir;
    private Path journal;
    private ServerMetrics metrics;
    private HttpSide http;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The newest golden journal of the engine's tests (its name carries the format version). */
    static Path golden() throws IOException {
        Path dir = Path.of(System.getProperty("basedir", "."), "..", "engine", "src", "test", "resources", "journal");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("golden-v\\d+\\.jrj"))
                    .max((a, b) -> Integer.compare(version(a), version(b)))
                    .orElseThrow(() -> new IllegalStateException("no golden journal in " + dir));
        }
    }

    private static int version(Path p) {
        return Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""));
    }

    @BeforeEach
    void start() throws Exception {
        journal = dataDir.resolve("journal");
        metrics = new ServerMetrics();
        http = HttpSide.builder()
                .bind("127.0.0.1", 0)
                .auth(new GuestAuth(GuestAuth.randomSecret(), System::currentTimeMillis, Duration.ofHours(1)))
                .lobbies(List::of)
                .metrics(metrics)
                .replays(journal)
                .replayConcurrency(1)
                .replayMaxFrames(300)
                .replayListMax(4)
                .build();
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop();
    }

    private Path put(String lobby, String file, byte[] bytes) throws IOException {
        Path p = journal.resolve(lobby).resolve(file);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private record Reply(int status, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private Reply get(String pathQuery) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + pathQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body());
    }

    @Test
    void shouldListRecordedMatchesNewestFirstWithStableUrlSafeIds() throws Exception {
        byte[] golden = Files.readAllBytes(golden());
        put("main", "20261130T100000Z-1.jrj", golden);
        put("main", "20261130T110000Z-2.jrj", golden);
        put("duel-1", "20261130T105000Z-1.jrj", golden);
        put("%2Ehidden", "20261130T090000Z-1.jrj", golden); // the journal's directory for the lobby ".hidden"
        Files.writeString(journal.resolve("main").resolve("notes.txt"), "not a journal");

        JsonObject body = get("/replays").json();
        JsonArray replays = body.getAsJsonArray("replays");
        assertEquals(List.of("main~20261130T110000Z-2", "duel-1~20261130T105000Z-1", "main~20261130T100000Z-1",
                ".hidden~20261130T090000Z-1"), ids(replays));
        assertEquals(4, body.get("total").getAsInt());
        assertEquals(200, get("/replays/frames?id=.hidden~20261130T090000Z-1&count=1").status());
        JsonObject first = replays.get(0).getAsJsonObject();
        assertEquals("complete", first.get("state").getAsString(), first.toString());
        assertEquals("lobby stopped", first.get("detail").getAsString());
        assertEquals(golden.length, first.get("bytes").getAsLong());
        assertTrue(first.get("last_tick").getAsLong() > first.get("first_tick").getAsLong(), first.toString());
        assertEquals(first.get("last_tick").getAsLong() - first.get("first_tick").getAsLong(), first.get("ticks").getAsLong());
        assertTrue(first.get("tick_rate").getAsInt() > 0);
        assertTrue(first.get("started_at").getAsString().endsWith("Z"), first.toString());
        assertTrue(first.getAsJsonArray("players").size() >= 2, first.toString());
        assertEquals(ids(replays), ids(get("/replays").json().getAsJsonArray("replays")), "ids are stable");
    }

    @Test
    void shouldPageTheListingWithinTheCap() throws Exception {
        byte[] golden = Files.readAllBytes(golden());
        for (int i = 0; i < 6; i++) {
            put("main", "20261130T1" + i + "0000Z-1.jrj", golden);
        }
        JsonObject page = get("/replays").json();
        assertEquals(4, page.getAsJsonArray("replays").size(), "--replay-list-max caps the default page");
        assertEquals(6, page.get("total").getAsInt());
        assertEquals(4, page.get("next_offset").getAsInt());
        JsonObject rest = get("/replays?offset=4&limit=2").json();
        assertEquals(List.of("main~20261130T110000Z-1", "main~20261130T100000Z-1"), ids(rest.getAsJsonArray("replays")));
        assertFalse(rest.has("next_offset"));
        assertEquals(400, get("/replays?limit=5").status(), "over the cap");
        assertEquals(400, get("/replays?limit=0").status());
        assertEquals(400, get("/replays?offset=-1").status());
        assertEquals(400, get("/replays?limit=ten").status());
    }

    @Test
    void shouldListAnEmptyOrMissingJournalDirectoryAsNoReplays() throws Exception {
        Reply r = get("/replays");
        assertEquals(200, r.status());
        assertEquals(0, r.json().getAsJsonArray("replays").size());
    }

    @Test
    void shouldTellTruncatedAndBrokenFilesApart() throws Exception {
        byte[] golden = Files.readAllBytes(golden());
        put("main", "20261130T100000Z-1.jrj", Arrays.copyOf(golden, golden.length - 30));
        put("main", "20261130T110000Z-1.jrj", "hello, not a journal".getBytes(StandardCharsets.UTF_8));
        put("main", "20261130T120000Z-1.jrj", new byte[0]);

        JsonArray replays = get("/replays").json().getAsJsonArray("replays");
        assertEquals("broken", state(replays, 0));
        assertEquals("broken", state(replays, 1));
        assertEquals("not a Jet Raiders journal (no journal preamble)",
                replays.get(1).getAsJsonObject().get("detail").getAsString());
        assertEquals("truncated", state(replays, 2));
        assertTrue(replays.get(2).getAsJsonObject().get("detail").getAsString().startsWith("the last "));

        Reply broken = get("/replays/frames?id=main~20261130T110000Z-1");
        assertEquals(422, broken.status(), broken.body());
        assertEquals("replay_unreadable", broken.json().get("error").getAsString());
        assertTrue(broken.json().get("message").getAsString().contains("not a Jet Raiders journal"), broken.body());
        Reply truncated = get("/replays/frames?id=main~20261130T100000Z-1&from=100&count=10");
        assertEquals(200, truncated.status(), truncated.body());
        assertEquals(10, truncated.json().getAsJsonArray("frames").size());
    }

    @Test
    void shouldNeverLetAnIdNameAPath() throws Exception {
        byte[] golden = Files.readAllBytes(golden());
        put("main", "20261130T100000Z-1.jrj", golden);
        Files.write(dataDir.resolve("secret.jrj"), golden); // outside the journal directory
        for (String id : List.of("..~secret", "main~..%2F..%2Fsecret", "..%2Fsecret", "main%2F20261130T100000Z-1",
                "main~20261130T100000Z-1.jrj", "%2Fetc%2Fpasswd", "main~20261130T100000Z-1%00", "~", "main~")) {
            Reply r = get("/replays/frames?id=" + id + "&count=1");
            assertEquals(404, r.status(), id + " -> " + r.body());
            assertEquals("unknown_replay", r.json().get("error").getAsString());
        }
        assertEquals(400, get("/replays/frames").status(), "no id");
        assertEquals(200, get("/replays/frames?id=main~20261130T100000Z-1&count=1").status());
    }

    @Test
    void shouldServeTheWorldUpdatesALiveJsonClientGetsForEachReplayedTick() throws Exception {
        Path golden = golden();
        put("main", "20261130T100000Z-1.jrj", Files.readAllBytes(golden));
        List<String> expected = new ArrayList<>();
        JsonWorldUpdateEncoder encoder = new JsonWorldUpdateEncoder();
        EncodedBuffer buffer = new EncodedBuffer(1024);
        Replay.of(golden).from(200).to(299).listener(s -> {
            encoder.encode(s, buffer);
            expected.add(new String(buffer.toByteArray(), StandardCharsets.UTF_8));
        }).run();

        JsonObject chunk = get("/replays/frames?id=main~20261130T100000Z-1&from=200&count=100").json();
        JsonArray frames = chunk.getAsJsonArray("frames");
        assertEquals(100, frames.size());
        assertEquals(200, frames.get(0).getAsJsonObject().get("tick").getAsLong());
        for (int i = 0; i < frames.size(); i++) {
            JsonObject frame = frames.get(i).getAsJsonObject();
            assertEquals(200 + i, frame.get("tick").getAsLong());
            JsonElement world = frame.getAsJsonArray("messages").get(0);
            assertEquals(JsonParser.parseString(expected.get(i)), world, "tick " + (200 + i));
        }
        List<String> firstTypes = types(frames.get(0).getAsJsonObject());
        assertTrue(firstTypes.containsAll(List.of("WorldUpdate", "Scoreboard", "GameState")), firstTypes.toString());
    }

    @Test
    void shouldGiveTheSameFramesForATickWhereverTheReplayStarted() throws Exception {
        put("main", "20261130T100000Z-1.jrj", Files.readAllBytes(golden()));
        JsonArray early = get("/replays/frames?id=main~20261130T100000Z-1&from=10&count=300").json().getAsJsonArray("frames");
        JsonArray late = get("/replays/frames?id=main~20261130T100000Z-1&from=250&count=60").json().getAsJsonArray("frames");
        JsonArray stepped = get("/replays/frames?id=main~20261130T100000Z-1&from=250&count=15&step=4").json()
                .getAsJsonArray("frames");
        for (int i = 0; i < late.size(); i++) {
            JsonObject frame = late.get(i).getAsJsonObject();
            JsonObject same = early.get(240 + i).getAsJsonObject();
            assertEquals(same.get("tick"), frame.get("tick"));
            assertEquals(same.getAsJsonArray("messages").get(0), frame.getAsJsonArray("messages").get(0),
                    "tick " + frame.get("tick"));
        }
        for (int i = 0; i < stepped.size(); i++) {
            JsonObject frame = stepped.get(i).getAsJsonObject();
            assertEquals(250 + 4L * i, frame.get("tick").getAsLong());
            assertEquals(early.get(240 + 4 * i).getAsJsonObject().getAsJsonArray("messages").get(0),
                    frame.getAsJsonArray("messages").get(0));
        }
    }

    @Test
    void shouldEndAChunkAtTheEndOfTheMatchAndBoundItsSize() throws Exception {
        put("main", "20261130T100000Z-1.jrj", Files.readAllBytes(golden()));
        JsonObject summary = get("/replays").json().getAsJsonArray("replays").get(0).getAsJsonObject();
        long last = summary.get("last_tick").getAsLong();
        JsonArray tail = get("/replays/frames?id=main~20261130T100000Z-1&from=" + (last - 5) + "&count=100").json()
                .getAsJsonArray("frames");
        assertEquals(6, tail.size());
        assertEquals(last, tail.get(5).getAsJsonObject().get("tick").getAsLong());
        assertEquals(0, get("/replays/frames?id=main~20261130T100000Z-1&from=" + (last + 10)).json()
                .getAsJsonArray("frames").size());
        JsonArray atSnapshot = get("/replays/frames?id=main~20261130T100000Z-1&from=1&count=1").json().getAsJsonArray("frames");
        assertEquals(1, atSnapshot.get(0).getAsJsonObject().get("tick").getAsLong(), "a tick with a recorded snapshot has its frame");
        assertEquals(400, get("/replays/frames?id=main~20261130T100000Z-1&count=301").status(), "over --replay-max-frames");
        assertEquals(400, get("/replays/frames?id=main~20261130T100000Z-1&step=9").status());
        assertEquals(300, get("/replays/frames?id=main~20261130T100000Z-1").json().getAsJsonArray("frames").size(),
                "the cap is the default");
    }

    @Test
    void shouldRefuseReplayRequestsOverTheConcurrencyCapWithA503AndCountThem() throws Exception {
        put("main", "20261130T100000Z-1.jrj", Files.readAllBytes(golden()));
        assertTrue(http.replayRoutes().permits().tryAcquire(), "the only permit");
        try {
            for (String path : List.of("/replays/frames?id=main~20261130T100000Z-1&count=1", "/replays")) {
                Reply r = get(path);
                assertEquals(503, r.status(), r.body());
                assertEquals("replay_busy", r.json().get("error").getAsString());
                assertTrue(r.json().get("message").getAsString().contains("--replay-concurrency"), r.body());
            }
            assertEquals(2L, metrics.httpRefusedByReason().get("replay_busy"));
        } finally {
            http.replayRoutes().permits().release();
        }
        assertEquals(200, get("/replays/frames?id=main~20261130T100000Z-1&count=1").status());
    }

    private static List<String> ids(JsonArray replays) {
        List<String> ids = new ArrayList<>();
        replays.forEach(r -> ids.add(r.getAsJsonObject().get("id").getAsString()));
        return ids;
    }

    private static String state(JsonArray replays, int i) {
        return replays.get(i).getAsJsonObject().get("state").getAsString();
    }

    private static List<String> types(JsonObject frame) {
        List<String> types = new ArrayList<>();
        frame.getAsJsonArray("messages").forEach(m -> types.add(m.getAsJsonObject().get("type").getAsString()));
        assertNotNull(types);
        return types;
    }
}
