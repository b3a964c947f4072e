package org.jetraiders.client.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jetraiders.client.support.ProtocolDoc;
import org.junit.jupiter.api.Test;

class ClientMessagesTest {
    private static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    @Test
    void shouldWriteTheDocumentsJoinExample() {
        String doc = ProtocolDoc.jsonExamples("Join").get(0);
        String ours = ClientMessages.join(new JoinRequest("Ada", "3f9c2a.b71e", "main"));
        assertEquals(parse(doc), parse(ours));
    }

    @Test
    void shouldLeaveOutAbsentJoinFieldsAndEscapeNames() {
        assertEquals(parse("{\"type\":\"Join\",\"data\":{\"session_token\":\"t\"}}"),
                parse(ClientMessages.join(JoinRequest.withToken("t"))));
        JsonObject named = parse(ClientMessages.join(JoinRequest.named("a \"quoted\" \\ name").inLobby("x")));
        assertEquals("a \"quoted\" \\ name", named.getAsJsonObject("data").get("name").getAsString());
        assertEquals("x", named.getAsJsonObject("data").get("lobby_id").getAsString());
    }

    @Test
    void shouldWriteTheDocumentsInputExampleAndClampWhatTheServerWouldRefuse() {
        assertEquals(parse(ProtocolDoc.jsonExamples("Input").get(0)), parse(ClientMessages.input(0.5, -1, false, 12)));
        JsonObject data = parse(ClientMessages.input(Double.NaN, 5, true, -3)).getAsJsonObject("data");
        assertEquals(0.0, data.get("thrust").getAsDouble(), "NaN would be refused as not_finite");
        assertEquals(1.0, data.get("turn").getAsDouble());
        assertEquals(0, data.get("seq").getAsLong(), "seq must be non-negative");
        assertEquals(1e-5, parse(ClientMessages.input(1e-5, 0, false, 1)).getAsJsonObject("data").get("thrust").getAsDouble());
    }

    @Test
    void shouldWriteAPingTheServerEchoes() {
        assertEquals(parse(ProtocolDoc.jsonExamples("Ping").get(0)), parse(ClientMessages.ping(123456)));
    }
}
