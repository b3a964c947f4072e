package org.jetraiders.client.message;

/**
 * {@code GameState}: the lobby's status, sent after {@code Identity} and on every change.
 *
 * @param phase     the status
 * @param name      its wire name ({@code "MatchStarting"}, or an unknown one a later server sends)
 * @param inSeconds the countdown's whole seconds left for {@link Phase#MATCH_STARTING}, else -1
 */
public record GameState(Phase phase, String name, int inSeconds) {
    /** The lobby statuses of docs/PROTOCOL.md. */
    public enum Phase {
        /** Waiting for enough players. */
        LOBBY("Lobby"),
        /** Countdown to a match; planes fly, shots do no damage. */
        MATCH_STARTING("MatchStarting"),
        MATCH_RUNNING("MatchRunning"),
        /** Final scores stand; a new countdown follows. */
        MATCH_ENDED("MatchEnded"),
        /** The server is shutting down; the connection closes with 1001 next. */
        STOPPING("Stopping"),
        /** A status this client does not know; see {@link GameState#name()}. */
        UNKNOWN("");

        private final String wireName;

        Phase(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Phase ofWireName(String name) {
            for (Phase p : values()) {
                if (p != UNKNOWN && p.wireName.equals(name)) {
                    return p;
                }
            }
            return UNKNOWN;
        }
    }
}
