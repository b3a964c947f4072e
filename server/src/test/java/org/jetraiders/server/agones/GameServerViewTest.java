package org.jetraiders.server.agones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the watch stream's lines (sdkGameServer in sdk.swagger.json, wrapped in "result"). */
class GameServerViewTest {
    @Test
    void shouldReadTheStateAndTheListValuesOfAWatchLine() {
        GameServerView view = GameServerView.parse("{\"result\":{\"object_meta\":{\"name\":\"gs-1\"},\"status\":{"
                + "\"state\":\"Allocated\",\"address\":\"10.0.0.7\",\"ports\":[{\"name\":\"game\",\"port\":7001}],"
                + "\"counters\":{\"players\":{\"count\":\"3\",\"capacity\":\"4096\"}},"
                + "\"lists\":{\"lobbies\":{\"capacity\":\"64\",\"values\":[\"main\",\"match-42\"]}}}}}", "lobbies");

        assertTrue(view.allocated());
        assertEquals(Optional.of(List.of("main", "match-42")), view.listValues());
    }

    @Test
    void shouldReadABareGameServerWithoutLists() {
        GameServerView view = GameServerView.parse("{\"object_meta\":{\"creation_timestamp\":\"-62135596800\"},"
                + "\"spec\":{\"health\":{}},\"status\":{\"state\":\"Ready\"}}", "lobbies");

        assertEquals("Ready", view.state());
        assertFalse(view.allocated());
        assertEquals(Optional.empty(), view.listValues());
    }

    @Test
    void shouldTreatAListWithoutValuesAsEmpty() {
        GameServerView view = GameServerView.parse("{\"result\":{\"status\":{\"state\":\"Ready\","
                + "\"lists\":{\"lobbies\":{\"capacity\":\"64\"}}}}}", "lobbies");

        assertEquals(Optional.of(List.of()), view.listValues());
    }

    @Test
    void shouldRejectAGatewayErrorLineAndGarbage() {
        assertThrows(IllegalArgumentException.class,
                () -> GameServerView.parse("{\"error\":{\"code\":14,\"message\":\"unavailable\"}}", "lobbies"));
        assertThrows(IllegalArgumentException.class, () -> GameServerView.parse("not json {", "lobbies"));
        assertThrows(IllegalArgumentException.class, () -> GameServerView.parse("[1,2]", "lobbies"));
    }
}
