package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import org.jetraiders.client.binary.BinaryWriter;
import org.junit.jupiter.api.Test;

class OutboundMessagesTest {

    private static String text(BinaryWriter w) {
        return new String(w.array(), 0, w.length(), StandardCharsets.US_ASCII);
    }

    @Test
    void shouldWriteInputAndPingAsJsonIntoAReusedWriter() {
        BinaryWriter w = new BinaryWriter(8);
        OutboundMessages.input(w, 1, -1, true, 1234567890123L);
        assertEquals("{\"type\":\"Input\",\"data\":{\"thrust\":1,\"turn\":-1,\"shoot\":true,\"seq\":1234567890123}}", text(w));
        OutboundMessages.input(w, 0, 0, false, 0);
        assertEquals("{\"type\":\"Input\",\"data\":{\"thrust\":0,\"turn\":0,\"shoot\":false,\"seq\":0}}", text(w));
        OutboundMessages.ping(w, Long.MAX_VALUE);
        JsonObject ping = JsonParser.parseString(text(w)).getAsJsonObject();
        assertEquals("Ping", ping.get("type").getAsString());
        assertEquals(Long.MAX_VALUE, ping.getAsJsonObject("data").get("t").getAsLong());
        OutboundMessages.ping(w, Long.MIN_VALUE);
        assertEquals(Long.MIN_VALUE, JsonParser.parseString(text(w)).getAsJsonObject().getAsJsonObject("data").get("t").getAsLong());
    }
}
