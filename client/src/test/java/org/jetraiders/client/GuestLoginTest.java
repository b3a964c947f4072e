package org.jetraiders.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guest login against a stand-in for the server's HTTP side: what it sends, and every way it fails. */
class GuestLoginTest {
    private HttpServer http;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    /** Answers /guest/init and /guest/login with these statuses and bodies. */
    private URI serve(int initStatus, String initBody, int loginStatus, String loginBody) throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/guest/init", ex -> answer(ex, initStatus, initBody));
        http.createContext("/guest/login", ex -> answer(ex, loginStatus, loginBody));
        http.start();
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    private void answer(HttpExchange ex, int status, String body) throws IOException {
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " "
                + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void shouldInitThenLoginAndReturnTheSessionToken() throws Exception {
        URI base = serve(200, "{\"guest_id\":\"17\"}", 200, "{\"session_token\":\"tok.sig\"}");

        GuestSession session = GuestLogin.login(base, "Ada \"the\" pilot");

        assertEquals(new GuestSession("17", "Ada \"the\" pilot", "tok.sig"), session);
        assertEquals(2, requests.size());
        assertTrue(requests.get(0).startsWith("POST /guest/init "), requests.get(0));
        JsonObject init = JsonParser.parseString(requests.get(0).substring("POST /guest/init ".length())).getAsJsonObject();
        assertEquals("Ada \"the\" pilot", init.get("display_name").getAsString());
        JsonObject login = JsonParser.parseString(requests.get(1).substring("POST /guest/login ".length())).getAsJsonObject();
        assertEquals("17", login.get("guest_id").getAsString());
        assertEquals("tok.sig", session.joinRequest().sessionToken());
        assertTrue(!session.toString().contains("tok.sig"), "the token stays out of logs");
    }

    @Test
    void shouldFailWithTheStatusAndTheServersAnswer() throws Exception {
        URI base = serve(429, "{\"error\":\"rate_limited\"}", 200, "{}");
        LoginFailedException e = assertThrows(LoginFailedException.class, () -> GuestLogin.login(base, "Ada"));
        assertEquals(429, e.status());
        assertTrue(e.getMessage().contains("/guest/init: HTTP 429") && e.getMessage().contains("rate_limited"), e.getMessage());
    }

    @Test
    void shouldFailOnAnAnswerThatIsNotTheExpectedJsonObject() throws Exception {
        URI notJson = serve(200, "<html>hello</html>", 200, "{}");
        assertTrue(assertThrows(LoginFailedException.class, () -> GuestLogin.login(notJson, "Ada"))
                .getMessage().contains("not JSON"));
        stop();
        URI array = serve(200, "[1]", 200, "{}");
        assertTrue(assertThrows(LoginFailedException.class, () -> GuestLogin.login(array, "Ada"))
                .getMessage().contains("not a JSON object"));
        stop();
        URI blankToken = serve(200, "{\"guest_id\":\"1\"}", 200, "{\"session_token\":\"  \"}");
        assertTrue(assertThrows(LoginFailedException.class, () -> GuestLogin.login(blankToken, "Ada"))
                .getMessage().contains("/guest/login: the answer has no \"session_token\""));
    }

    @Test
    void shouldFailWithoutAStatusWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        LoginFailedException e = assertThrows(LoginFailedException.class,
                () -> GuestLogin.login(URI.create("http://127.0.0.1:" + port), "Ada", Duration.ofSeconds(5)));
        assertEquals(-1, e.status());
        assertTrue(e.getMessage().contains("no answer from http://127.0.0.1:" + port), e.getMessage());
    }
}
