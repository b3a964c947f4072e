package org.jetraiders.server.protocol.json;

/**
 * Everything a parse left in a {@link ClientMessage}, comparable (doubles by their bits): the tests that
 * hold the fast paths to the strict parser compare two of these.
 */
record Parsed(ParseResult result, ClientMessage.Kind kind, String sessionToken, String name, String lobbyId,
              long thrust, long turn, boolean shoot, long seq, long pingT, String unknownType, String errorDetail) {

    static Parsed of(ParseResult r, ClientMessage m) {
        return new Parsed(r, m.kind(), m.sessionToken(), m.name(), m.lobbyId(),
                Double.doubleToRawLongBits(m.thrust()), Double.doubleToRawLongBits(m.turn()), m.shoot(), m.seq(),
                Double.doubleToRawLongBits(m.pingT()), m.unknownType(), m.errorDetail());
    }

    /** {@code parser}'s {@link ClientMessageParser#parse} (fast paths first) of {@code text}. */
    static Parsed viaParse(ClientMessageParser parser, CharSequence text) {
        ClientMessage out = new ClientMessage();
        return of(parser.parse(text, out), out);
    }

    /** {@code parser}'s strict Gson parse of {@code text}. */
    static Parsed viaStrict(ClientMessageParser parser, String text) {
        ClientMessage out = new ClientMessage();
        return of(parser.parseStrict(text, out), out);
    }
}
