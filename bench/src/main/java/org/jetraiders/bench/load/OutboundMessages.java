package org.jetraiders.bench.load;

/**
 * Builds the client-to-server JSON text frames. Hand-written (no Gson) because an input is sent
 * rate × clients times per second; numbers are small integers, so no escaping is needed except in
 * names, which we generate ourselves.
 */
final class OutboundMessages {

    private OutboundMessages() {
    }

    static String join(String name, String lobbyId) {
        return "{\"type\":\"Join\",\"data\":{\"name\":\"" + name + "\",\"lobby_id\":\"" + lobbyId + "\"}}";
    }

    /** Appends an Input message to {@code sb} (cleared first) and returns it as a String. */
    static String input(StringBuilder sb, int thrust, int turn, boolean shoot, long seq) {
        sb.setLength(0);
        sb.append("{\"type\":\"Input\",\"data\":{\"thrust\":").append(thrust)
                .append(",\"turn\":").append(turn)
                .append(",\"shoot\":").append(shoot)
                .append(",\"seq\":").append(seq)
                .append("}}");
        return sb.toString();
    }

    static String ping(long clientNanos) {
        return "{\"type\":\"Ping\",\"data\":{\"t\":" + clientNanos + "}}";
    }
}
