package org.jetraiders.server.agones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jetraiders.server.it.support.FakeSidecar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every REST call as the swagger files specify it: method, path, JSON body (int64 as strings). */
class SdkClientTest {
    private FakeSidecar sidecar;
    private SdkClient sdk;

    @BeforeEach
    void start() throws Exception {
        sidecar = FakeSidecar.start();
        sdk = new SdkClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), sidecar.port(),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        sidecar.close();
    }

    @Test
    void shouldPostAnEmptyObjectToReadyHealthAndShutdown() throws Exception {
        await(sdk.ready());
        await(sdk.health());
        await(sdk.shutdown());

        assertEquals(List.of("POST /ready {}", "POST /health {}", "POST /shutdown {}"),
                sidecar.calls().stream().map(c -> c.method() + " " + c.path() + " " + c.body()).toList());
        assertEquals("Shutdown", sidecar.state());
    }

    @Test
    void shouldPatchTheListCapacityAsAnInt64String() throws Exception {
        await(sdk.setListCapacity("lobbies", 64));

        FakeSidecar.Call call = sidecar.calls().get(0);
        assertEquals("PATCH", call.method());
        assertEquals("/v1beta1/lists/lobbies", call.path());
        assertEquals(JsonParser.parseString("{\"capacity\":\"64\"}"), JsonParser.parseString(call.body()));
        assertEquals(64, sidecar.listCapacity("lobbies"));
    }

    @Test
    void shouldAddAndRemoveListValuesWithTheColonVerbs() throws Exception {
        await(sdk.addListValue("lobbies", "arena"));
        await(sdk.addListValue("lobbies", "hangar"));
        await(sdk.removeListValue("lobbies", "arena"));

        assertEquals(2, sidecar.count("POST", "/v1beta1/lists/lobbies:addValue"));
        assertEquals(JsonParser.parseString("{\"value\":\"arena\"}"),
                JsonParser.parseString(sidecar.calls("POST", "/v1beta1/lists/lobbies:removeValue").get(0).body()));
        assertEquals(List.of("hangar"), sidecar.listValues("lobbies"));
    }

    @Test
    void shouldSetTheCounterCountAndCapacityAsInt64Strings() throws Exception {
        await(sdk.setCounterCapacity("players", 4096));
        await(sdk.setCounterCount("players", 3));

        List<FakeSidecar.Call> patches = sidecar.calls("PATCH", "/v1beta1/counters/players");
        assertEquals(JsonParser.parseString("{\"capacity\":\"4096\"}"), JsonParser.parseString(patches.get(0).body()));
        assertEquals(JsonParser.parseString("{\"count\":\"3\"}"), JsonParser.parseString(patches.get(1).body()));
        assertEquals(3, sidecar.counterCount("players"));
        assertEquals(4096, sidecar.counterCapacity("players"));
    }

    @Test
    void shouldRecogniseTheGatewaysAlreadyExistsAndNotFoundErrors() throws Exception {
        await(sdk.addListValue("lobbies", "arena"));

        SdkCallException duplicate = failure(sdk.addListValue("lobbies", "arena"));
        SdkCallException absent = failure(sdk.removeListValue("lobbies", "nowhere"));

        assertEquals(500, duplicate.status());
        assertTrue(duplicate.alreadyExists(), duplicate::getMessage);
        assertTrue(absent.notFound(), absent::getMessage);
        assertTrue(!absent.alreadyExists() && !duplicate.notFound());
    }

    @Test
    void shouldFailWithTheStatusWhenTheSidecarFails() {
        sidecar.failEverythingWith(503);

        SdkCallException e = failure(sdk.health());

        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("POST /health answered 503"), e::getMessage);
    }

    private static String await(CompletableFuture<String> call) throws Exception {
        return call.get(10, TimeUnit.SECONDS);
    }

    private static SdkCallException failure(CompletableFuture<String> call) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(SdkCallException.class, e.getCause());
    }
}
