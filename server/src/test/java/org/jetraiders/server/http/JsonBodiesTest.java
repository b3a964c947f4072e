package org.jetraiders.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
    @Test
    void shouldParseAnObject() {
        JsonObject object = JsonBodies.parseObject(" {\"display_name\": \"Ada\", \"n\": 17} ");

        assertEquals("Ada", JsonBodies.requiredString(object, "display_name"));
        assertEquals("17", JsonBodies.requiredString(object, "n"));
        assertNull(JsonBodies.optionalString(object, "missing"));
    }

    @Test
    void shouldRejectAnythingButOneStrictObject() {
        for (String text : new String[] {"", "null", "[]", "\"x\"", "17", "{", "{\"a\":1} {}", "{a:1}",
                "{'a':1}", "{\"a\":1,}", "{\"a\":1} x", "// c\n{}", "{\"a\":NaN}"}) {
            HttpError e = assertThrows(HttpError.class, () -> JsonBodies.parseObject(text), text);
            assertEquals(400, e.status, text);
        }
    }

    @Test
    void shouldRejectMissingOrNonStringFields() {
        JsonObject object = JsonBodies.parseObject("{\"a\":{},\"b\":[1],\"c\":true,\"d\":null}");

        for (String field : new String[] {"a", "b", "c", "d", "e"}) {
            HttpError e = assertThrows(HttpError.class, () -> JsonBodies.requiredString(object, field), field);
            assertEquals(400, e.status, field);
        }
    }

    @Test
    void shouldAcceptOnlyPositiveDecimalGuestIds() {
        assertEquals(17, GuestRoutes.parseGuestId("17"));
        assertEquals(17, GuestRoutes.parseGuestId(" 17 "));
        for (String id : new String[] {"", "0", "-1", "+1", "1.0", "1e3", "abc", "0x11", "9".repeat(19), "١٢"}) {
            HttpError e = assertThrows(HttpError.class, () -> GuestRoutes.parseGuestId(id), id);
            assertEquals(401, e.status, id);
        }
    }
}
