package org.jetraiders.server.protocol.binary.support;

import java.io.ByteArrayOutputStream;

/** Hex dumps as docs/PROTOCOL.md shows them: lowercase pairs separated by spaces; '#' starts a comment. */
public final class Hex {
    private Hex() {
    }

    public static String format(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    public static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String data = hash >= 0 ? line.substring(0, hash) : line;
            for (String pair : data.trim().split("\\s+")) {
                if (!pair.isEmpty()) {
                    if (pair.length() != 2) {
                        throw new IllegalArgumentException("not a hex byte: " + pair);
                    }
                    out.write(Integer.parseInt(pair, 16));
                }
            }
        }
        return out.toByteArray();
    }
}
