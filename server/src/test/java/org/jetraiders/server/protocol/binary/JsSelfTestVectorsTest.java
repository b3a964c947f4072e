package org.jetraiders.server.protocol.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetraiders.server.protocol.binary.support.GoldenVectors;
import org.jetraiders.server.protocol.binary.support.Hex;
import org.junit.jupiter.api.Test;

/**
 * The browser's self-test ({@code web/js/binary.selftest.js}, run in Chromium by BrowserPlayIT) embeds
 * the golden vectors of docs/PROTOCOL.md; they must be the bytes the real encoders write.
 */
class JsSelfTestVectorsTest {
    private static final Pattern ENTRY = Pattern.compile("'([a-z-]+)':\\s*((?:'[0-9a-f ]*'\\s*\\+?\\s*)+),");
    private static final Pattern PART = Pattern.compile("'([0-9a-f ]*)'");

    @Test
    void embeddedVectorsAreTheEncodersBytes() throws IOException {
        String js;
        try (InputStream in = getClass().getResourceAsStream("/web/js/binary.selftest.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> embedded = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(js);
        while (m.find()) {
            StringBuilder hex = new StringBuilder();
            Matcher p = PART.matcher(m.group(2));
            while (p.find()) {
                hex.append(p.group(1));
            }
            embedded.put(m.group(1), hex.toString().trim().replaceAll("\\s+", " "));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        GoldenVectors.all().forEach((name, bytes) -> expected.put(name, Hex.format(bytes)));
        assertEquals(expected, embedded);
    }
}
