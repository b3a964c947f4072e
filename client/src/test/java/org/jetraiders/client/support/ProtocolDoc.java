package org.jetraiders.client.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples of docs/PROTOCOL.md, the protocol's single source of truth: its named hex vectors
 * ({@code # vector: name} blocks, which the server's tests check against its encoders) and its JSON
 * examples. The client's tests decode exactly what the document shows.
 */
public final class ProtocolDoc {
    private static final String TEXT = read();

    private ProtocolDoc() {
    }

    private static String read() {
        Path path = Path.of(System.getProperty("basedir", "."), "..", "docs", "PROTOCOL.md");
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("docs/PROTOCOL.md next to the client module", e);
        }
    }

    /** The bytes of the hex vector {@code name} ("input", "world-quantized", "world-delta-full", ...). */
    public static byte[] vector(String name) {
        byte[] v = vectors().get(name);
        if (v == null) {
            throw new AssertionError("docs/PROTOCOL.md has no vector " + name);
        }
        return v;
    }

    public static Map<String, byte[]> vectors() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder hex = null;
        for (String line : TEXT.split("\n")) {
            if (line.equals("```hex")) {
                hex = new StringBuilder();
                name = null;
            } else if (hex != null && line.startsWith("```")) {
                out.put(name, HexFormat.of().parseHex(hex.toString()));
                hex = null;
            } else if (hex != null && line.startsWith("# vector: ")) {
                name = line.substring("# vector: ".length()).trim();
            } else if (hex != null) {
                String bytes = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                hex.append(bytes.replaceAll("\\s", ""));
            }
        }
        return out;
    }

    /** Every one-line JSON example of a message of {@code type}, in document order. */
    public static List<String> jsonExamples(String type) {
        List<String> out = new ArrayList<>();
        boolean inJson = false;
        for (String line : TEXT.split("\n")) {
            if (line.equals("```json")) {
                inJson = true;
            } else if (inJson && line.startsWith("```")) {
                inJson = false;
            } else if (inJson && line.startsWith("{\"type\":\"" + type + "\"")) {
                out.add(line);
            }
        }
        if (out.isEmpty()) {
            throw new AssertionError("docs/PROTOCOL.md has no JSON example of " + type);
        }
        return out;
    }
}
