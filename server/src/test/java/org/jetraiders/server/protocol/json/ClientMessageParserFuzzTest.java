package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.jetraiders.server.protocol.json.support.ClientJson;
import org.jetraiders.server.protocol.json.support.ClientJson.Extra;
import org.jetraiders.server.protocol.json.support.ClientJson.Input;
import org.jetraiders.server.protocol.json.support.ClientJson.Join;
import org.jetraiders.server.protocol.json.support.ClientJson.Message;
import org.jetraiders.server.protocol.json.support.ClientJson.NumberStyle;
import org.jetraiders.server.protocol.json.support.ClientJson.Ping;
import org.jetraiders.server.protocol.json.support.ClientJson.SeqStyle;
import org.jetraiders.server.protocol.json.support.ClientJson.Spelling;
import org.jetraiders.server.protocol.json.support.ClientJson.StringStyle;
import org.jetraiders.server.protocol.json.support.ClientJson.Unknown;

/**
 * Property-based fuzzing (jqwik) of {@link ClientMessageParser} and its {@link InputFastPath}: any
 * text gives a result and never an exception, messages generated from a model of the protocol parse
 * back to that model in every spelling the protocol allows, broken messages are refused with a clear
 * error, and the fast path never disagrees with the strict parser. A failure prints its seed;
 * docs/TESTING.md says how to replay it.
 */
class ClientMessageParserFuzzTest {
    private static final Set<String> KNOWN_TYPES = Set.of("Join", "Input", "Ping", "Spectate", "Leave");
    private static final Set<String> DATA_FIELD_NAMES = Set.of("session_token", "name", "lobby_id", "thrust", "turn",
            "shoot", "seq", "t", "resume_token", "spectate", "player_id");
    private static final long MAX_EXACT_LONG = 1L << 53;

    private final ClientMessageParser parser = new ClientMessageParser();

    @BeforeContainer
    static void warmUp() {
        // load and run every path once, so the allocation property measures parsing, not class loading
        ClientMessageParser p = new ClientMessageParser();
        ClientMessage m = new ClientMessage();
        for (int i = 0; i < 200; i++) {
            p.parse("{\"type\":\"Input\",\"data\":{\"thrust\":0.5,\"seq\":" + i + "}}", m);
            p.parse("{\"data\":{\"name\":\"a\\u00e9\"},\"type\":\"Join\"}", m);
            p.parse("{\"type\":\"Ping\",\"data\":{\"t\":NaN}}", m);
            p.parse("{\"type\":\"X\"", m);
            p.parse("{\"type\":\"Nope\",\"data\":[[[[[1]]]]]}", m);
        }
    }

    // ---- any text ------------------------------------------------------------------------------

    @Property(tries = 2500)
    void anyTextGivesAResultAndNeverThrows(@ForAll("anyText") String text) {
        Parsed viaParse = parse(text);
        assertFollowsTheContract(text, viaParse);
        assertEquals(parseStrict(text), viaParse, "the fast path and the strict parser agree");
        assertEquals(viaParse, parse(asNonString(text)), "a non-String CharSequence (the server's ASCII view) parses the same");
        Statistics.label("result").collect(viaParse.result());
    }

    // ---- the model round-trips -----------------------------------------------------------------

    @Property(tries = 1500)
    void everyValidMessageParsesBackToItsModelInEverySpelling(@ForAll("messages") Message m,
                                                              @ForAll("spellings") Spelling s) {
        String text = ClientJson.render(m, s);
        Parsed parsed = parse(text);
        assertEquals(expected(m), parsed, text);
        assertEquals(parseStrict(text), parsed, "the fast path and the strict parser agree");
        Statistics.label("type").collect(m.getClass().getSimpleName());
    }

    @Property(tries = 1000)
    void plainInputsTakeTheFastPathAndGiveExactlyWhatTheStrictParserGives(@ForAll("plainInputs") Input m,
                                                                        @ForAll("plainishSpellings") Spelling s) {
        String text = ClientJson.render(m, s);
        boolean fast = InputFastPath.tryParse(text, new ClientMessage());
        Parsed parsed = parse(text);
        assertEquals(expected(m), parsed, text);
        assertEquals(parseStrict(text), parsed, text);
        Statistics.label("path").collect(fast ? "fast" : "strict");
        Statistics.label("path").coverage(c -> c.check("fast").percentage(p -> p >= 50));
    }

    // ---- broken messages ------------------------------------------------------------------------

    @Property(tries = 600)
    void everyTruncatedMessageIsInvalidJson(@ForAll("messages") Message m, @ForAll("spellings") Spelling s,
                                            @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        String text = ClientJson.render(m, s).stripTrailing();
        String truncated = text.substring(0, cut % text.length());
        Parsed parsed = parse(truncated);
        assertEquals(ParseResult.INVALID_JSON, parsed.result(), truncated);
        assertFollowsTheContract(truncated, parsed);
    }

    @Property(tries = 2500)
    void mutatedMessagesParseToAValidMessageOrGiveAClearError(@ForAll("mutated") String text) {
        Parsed parsed = parse(text);
        assertFollowsTheContract(text, parsed);
        assertEquals(parseStrict(text), parsed, "the fast path and the strict parser agree");
        Statistics.label("result").collect(parsed.result());
    }

    @Property(tries = 600)
    void aNonFiniteNumberInANumericFieldIsRejectedAsNotFinite(@ForAll("numericFieldMessages") Message m,
                                                             @ForAll("spellings") Spelling s,
                                                             @ForAll("nonFiniteLiterals") String poison,
                                                             @ForAll @IntRange(min = 0, max = 2) int field) {
        String name = m instanceof Ping ? "t" : field == 0 ? "thrust" : "turn";
        String text = withDataField(ClientJson.render(m, Spelling.plain()), name, poison);
        assertEquals(ParseResult.NOT_FINITE, parse(text).result(), text);
        assertEquals(ParseResult.NOT_FINITE, parseStrict(text).result(), text);
        // an out-of-JSON literal (NaN, Infinity) is NOT_FINITE wherever it stands, even in an unknown field
        if (Character.isLetter(poison.charAt(poison.length() - 1))) {
            String rendered = ClientJson.render(m, s);
            int open = rendered.indexOf('{') + 1; // the envelope's: only whitespace comes before it
            String anywhere = rendered.substring(0, open) + "\"x_unknown\":" + poison + "," + rendered.substring(open);
            assertEquals(ParseResult.NOT_FINITE, parse(anywhere).result(), anywhere);
        }
    }

    @Property(tries = 1000)
    void aSeqIsAcceptedOnlyAsTheExactNonNegativeIntegerItSpells(@ForAll("seqLiterals") String literal) {
        String text = "{\"type\":\"Input\",\"data\":{\"seq\":" + literal + "}}";
        Parsed parsed = parse(text);
        assertEquals(parseStrict(text), parsed, text);
        BigDecimal value = new BigDecimal(literal);
        boolean integral = value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0
                && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
        if (parsed.result() == ParseResult.OK) {
            assertTrue(integral, "accepted a seq that is not a non-negative integer: " + literal);
            assertEquals(value.longValueExact(), parsed.seq(), literal);
        } else if (parsed.result() == ParseResult.INVALID_JSON) {
            assertTrue(gsonRefuses(literal), "invalid_json only for a literal Gson itself refuses: " + literal);
        } else {
            assertEquals(ParseResult.INVALID_FIELD, parsed.result(), literal);
        }
        boolean documentedForm = (literal.matches("[0-9]+") && integral
                || integral && value.compareTo(BigDecimal.valueOf(MAX_EXACT_LONG)) <= 0 && !literal.startsWith("-"))
                && !gsonRefuses(literal);
        if (documentedForm) {
            assertEquals(ParseResult.OK, parsed.result(), "12, 12.0 and 1e3 are integers: " + literal);
        }
        Statistics.label("seq").collect(parsed.result() == ParseResult.OK ? "accepted" : "refused");
    }

    @Property(tries = 300)
    void nestingDeeperThanFourLevelsIsInvalidJsonAtAnyDepth(@ForAll("messages") Message m,
                                                           @ForAll @IntRange(min = 1, max = 20_000) int depth) {
        String text = withDataField(ClientJson.render(m, Spelling.plain()), "x_nested",
                "[".repeat(depth) + "]".repeat(depth));
        Parsed parsed = parse(text);
        // the envelope and data are levels 1 and 2; an array in data is level 3
        if (depth <= 2) {
            assertEquals(expected(m), parsed, text);
        } else {
            assertEquals(ParseResult.INVALID_JSON, parsed.result());
        }
    }

    @Property(tries = 300)
    void aRepeatedTypeOrDataIsAnInvalidField(@ForAll("messages") Message m, @ForAll("spellings") Spelling s,
                                            @ForAll boolean repeatType) {
        String text = ClientJson.render(m, s).strip();
        // a second type; or two more data members, so there is a repeat whether or not the message had data
        String members = repeatType ? "\"type\":" + ClientJson.string(m.type(), StringStyle.MINIMAL) : "\"data\":{},\"data\":{}";
        String twice = text.substring(0, text.length() - 1) + "," + members + "}";
        Parsed parsed = parse(twice);
        assertEquals(ParseResult.INVALID_FIELD, parsed.result(), twice);
        assertFollowsTheContract(twice, parsed);
    }

    @Property(tries = 200)
    void parsingAllocatesInProportionToTheInputAndKeepsNoMoreThanItRead(@ForAll("bulky") String text) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ClientMessage out = new ClientMessage();
        long before = threads.getThreadAllocatedBytes(thread);
        ParseResult result = parser.parse(text, out);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // Gson's reader (a 1 KiB char buffer, a stackless exception, the strings it builds) and up to two
        // reads of the text: measured at most ~6.5 KB plus ~9 bytes per char; twice that is the bound
        long bound = 16 * 1024 + 16L * text.length();
        assertTrue(allocated <= bound, "allocated " + allocated + " bytes for " + text.length() + " chars");
        Parsed parsed = Parsed.of(result, out);
        assertFollowsTheContract(text, parsed);
        Statistics.label("size").collect(text.length() < 1000 ? "<1k" : text.length() < 20_000 ? "<20k" : ">=20k");
    }

    // ---- regression examples for what the fuzzing found -----------------------------------------

    @Example
    void aSeqThatOnlyRoundsToAnIntegerIsRefused() {
        // found by aSeqIsAcceptedOnlyAsTheExactNonNegativeIntegerItSpells: the double parse rounded these
        for (String literal : List.of("0.99999999999999999999", "1e-400", "4.00000000000000000001e0", "1.5e-2147483647")) {
            String text = "{\"type\":\"Input\",\"data\":{\"seq\":" + literal + "}}";
            assertEquals(ParseResult.INVALID_FIELD, parse(text).result(), literal);
        }
    }

    @Example
    void aSeqWithAnExponentBeyondAnIntIsAnInvalidFieldAndIsNotExpanded() {
        for (String literal : List.of("1e2147483647", "1e2147483648", "1e-2147483648", "1.5e-2147483647")) {
            String text = "{\"type\":\"Input\",\"data\":{\"seq\":" + literal + "}}";
            assertEquals(ParseResult.INVALID_FIELD, parse(text).result(), literal);
        }
        assertEquals(0L, parse("{\"type\":\"Input\",\"data\":{\"seq\":0e2147483647}}").seq());
    }

    @Example
    void aSeqWrittenWithAFractionOrExponentKeepsItsExactValue() {
        // found by the same property: 9007199254740993.0 was read as 9007199254740992
        assertEquals(9_007_199_254_740_993L, parse("{\"type\":\"Input\",\"data\":{\"seq\":9007199254740993.0}}").seq());
        assertEquals(9_007_199_254_740_993L, parse("{\"type\":\"Input\",\"data\":{\"seq\":9.007199254740993e15}}").seq());
        assertEquals(Long.MAX_VALUE, parse("{\"type\":\"Input\",\"data\":{\"seq\":9223372036854775807.000}}").seq());
        assertEquals(1_000L, parse("{\"type\":\"Input\",\"data\":{\"seq\":1e3}}").seq());
        assertEquals(12L, parse("{\"type\":\"Input\",\"data\":{\"seq\":12.0}}").seq());
        assertEquals(0L, parse("{\"type\":\"Input\",\"data\":{\"seq\":0e5}}").seq());
    }

    @Example
    void anIntegerLiteralGsonTakesForALeadingZeroIsRefusedAsInvalidJson() {
        // Found by the seq property. Gson 2.13 reads an integer's digits into a long that may wrap; when it
        // wraps to exactly 0 with digits still to come (1 and 64 zeros, 2^64 * 10) it takes them for a
        // leading zero and calls the number malformed (upstream: Gson pull request 3034). Such a message
        // is still refused, as invalid_json rather than invalid_field or not_finite.
        for (String literal : List.of("1" + "0".repeat(65), "184467440737095516160", "2" + "0".repeat(308))) {
            assertTrue(gsonRefuses(literal), literal);
            assertEquals(ParseResult.INVALID_JSON, parse("{\"type\":\"Input\",\"data\":{\"seq\":" + literal + "}}").result());
            assertEquals(ParseResult.INVALID_JSON, parse("{\"type\":\"Input\",\"data\":{\"thrust\":" + literal + "}}").result());
        }
        assertEquals(ParseResult.INVALID_FIELD, parse("{\"type\":\"Input\",\"data\":{\"seq\":" + "1".repeat(70) + "}}").result());
    }

    /** Whether Gson's strict reader refuses this number literal on its own. */
    private static boolean gsonRefuses(String literal) {
        com.google.gson.stream.JsonReader r = new com.google.gson.stream.JsonReader(new java.io.StringReader(literal));
        r.setStrictness(com.google.gson.Strictness.STRICT);
        try {
            r.peek();
            return false;
        } catch (java.io.IOException | RuntimeException e) {
            return true;
        }
    }

    // ---- the contract -------------------------------------------------------------------------------

    /** What every parse must give, whatever the text: a result, and fields consistent with it. */
    private static void assertFollowsTheContract(String text, Parsed p) {
        assertNotNull(p.result(), text);
        switch (p.result()) {
            case OK -> {
                assertTrue(p.kind() != ClientMessage.Kind.UNKNOWN, text);
                assertNull(p.errorDetail(), text);
                assertNull(p.unknownType(), text);
                double thrust = Double.longBitsToDouble(p.thrust());
                double turn = Double.longBitsToDouble(p.turn());
                assertTrue(thrust >= -1 && thrust <= 1 && turn >= -1 && turn <= 1, "clamped: " + text);
                assertTrue(p.seq() == ClientMessage.NO_SEQ || p.seq() >= 0, text);
                double t = Double.longBitsToDouble(p.pingT());
                assertTrue(Double.isNaN(t) || Double.isFinite(t), text);
                for (String s : new String[] {p.sessionToken(), p.name(), p.lobbyId()}) {
                    assertTrue(s == null || s.length() <= text.length(), "no string longer than the text");
                }
            }
            case UNKNOWN_TYPE -> {
                assertEquals(ClientMessage.Kind.UNKNOWN, p.kind(), text);
                assertNotNull(p.unknownType(), text);
                assertTrue(p.unknownType().length() <= ClientMessageParser.MAX_TYPE_CHARS, text);
            }
            default -> {
                assertEquals(ClientMessage.Kind.UNKNOWN, p.kind(), text);
                assertNotNull(p.result().errorCode(), text);
                String detail = p.errorDetail();
                assertNotNull(detail, "a rejection says why: " + text);
                assertTrue(!detail.isBlank() && detail.length() <= 100
                        && StandardCharsets.US_ASCII.newEncoder().canEncode(detail), detail);
                assertNull(p.sessionToken());
                assertNull(p.name());
                assertNull(p.lobbyId());
            }
        }
    }

    /** What parsing the model's text must give. */
    private static Parsed expected(Message m) {
        ClientMessage.Kind kind = ClientMessage.Kind.UNKNOWN;
        String token = null;
        String name = null;
        String lobby = null;
        double thrust = 0;
        double turn = 0;
        boolean shoot = false;
        long seq = ClientMessage.NO_SEQ;
        double t = Double.NaN;
        String unknownType = null;
        ParseResult result = ParseResult.OK;
        if (m instanceof Join j) {
            kind = ClientMessage.Kind.JOIN;
            token = j.sessionToken();
            name = j.name();
            lobby = j.lobbyId();
        } else if (m instanceof Input i) {
            kind = ClientMessage.Kind.INPUT;
            thrust = i.thrust() == null ? 0 : clamp(i.thrust());
            turn = i.turn() == null ? 0 : clamp(i.turn());
            shoot = i.shoot() != null && i.shoot();
            seq = i.seq() == null ? ClientMessage.NO_SEQ : i.seq();
        } else if (m instanceof Ping p) {
            kind = ClientMessage.Kind.PING;
            t = p.t() == null ? Double.NaN : p.t();
        } else {
            result = ParseResult.UNKNOWN_TYPE;
            unknownType = cutType(m.type());
        }
        return new Parsed(result, kind, token, name, lobby, Double.doubleToRawLongBits(thrust),
                Double.doubleToRawLongBits(turn), shoot, seq, Double.doubleToRawLongBits(t), unknownType,
                result == ParseResult.UNKNOWN_TYPE ? "unknown message type" : null);
    }

    private static double clamp(double v) {
        return v < -1 ? -1 : v > 1 ? 1 : v;
    }

    /** The first 32 chars of an unknown type, one fewer if the 32nd would split a surrogate pair. */
    private static String cutType(String type) {
        int max = ClientMessageParser.MAX_TYPE_CHARS;
        if (type.length() <= max) {
            return type;
        }
        return type.substring(0, Character.isHighSurrogate(type.charAt(max - 1)) ? max - 1 : max);
    }

    /** Adds (or, placed last, overrides) a member of {@code data} in a rendered message. */
    private static String withDataField(String json, String name, String valueJson) {
        String text = json.strip();
        int data = text.indexOf("\"data\":{");
        if (data >= 0) {
            int open = data + "\"data\":{".length();
            boolean empty = text.charAt(open) == '}';
            // insert as the first member: the plain spelling has no earlier duplicate of it
            return text.substring(0, open) + "\"" + name + "\":" + valueJson + (empty ? "" : ",") + text.substring(open);
        }
        return text.substring(0, text.length() - 1) + ",\"data\":{\"" + name + "\":" + valueJson + "}}";
    }

    private Parsed parse(CharSequence text) {
        return Parsed.viaParse(parser, text);
    }

    private Parsed parseStrict(String text) {
        return Parsed.viaStrict(parser, text);
    }

    /** ASCII text as the server's frame reader hands it over (a view, not a String); other text as a CharBuffer. */
    private static CharSequence asNonString(String text) {
        return CharBuffer.wrap(text);
    }

    // ---- generators -----------------------------------------------------------------------------

    /** Any finite double: small values near the clamp range, round decimals, and any bit pattern. */
    static Arbitrary<Double> finiteDoubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(-1.5, 1.5).ofScale(6)),
                Tuple.of(2, Arbitraries.of(0.0, -0.0, 1.0, -1.0, 0.5, 1e-300, -1e300, Double.MIN_VALUE,
                        Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1.0000000000000002, 0.9999999999999999)),
                Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)));
    }

    static Arbitrary<String> anyStrings(int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(maxLength),
                Arbitraries.strings().ascii().ofMaxLength(maxLength),
                Arbitraries.strings().withCharRange('\u00a0', '\u07ff').withChars("\"\\/\n\t\u2028\ud83d\ude80").ofMaxLength(maxLength));
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Message> joins = Combinators.combine(anyStrings(24).injectNull(0.3), anyStrings(24).injectNull(0.3),
                anyStrings(24).injectNull(0.3)).as(Join::new);
        Arbitrary<Message> pings = finiteDoubles().injectNull(0.2).map(Ping::new);
        Arbitrary<Message> unknowns = anyStrings(48).filter(t -> !KNOWN_TYPES.contains(t)).map(Unknown::new);
        return Arbitraries.frequencyOf(Tuple.of(2, joins), Tuple.of(4, inputs().map(i -> (Message) i)),
                Tuple.of(2, pings), Tuple.of(1, unknowns));
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<Long> seqs = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 100_000)),
                Tuple.of(2, Arbitraries.longs().between(0, Long.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(0L, MAX_EXACT_LONG, MAX_EXACT_LONG - 1, MAX_EXACT_LONG + 1, Long.MAX_VALUE)));
        return Combinators.combine(finiteDoubles().injectNull(0.15), finiteDoubles().injectNull(0.15),
                Arbitraries.of(true, false).injectNull(0.15), seqs.injectNull(0.2)).as(Input::new);
    }

    /** Inputs as clients send them (short decimals, counters), with some of any kind mixed in. */
    @Provide
    Arbitrary<Input> plainInputs() {
        Arbitrary<Double> axes = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 6).flatMap(scale -> Arbitraries.doubles().between(-2, 2).ofScale(scale))),
                Tuple.of(1, finiteDoubles()));
        Arbitrary<Long> seqs = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(0, 1_000_000_000_000L)),
                Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE)));
        return Combinators.combine(axes.injectNull(0.1), axes.injectNull(0.1), Arbitraries.of(true, false).injectNull(0.1),
                seqs.injectNull(0.2)).as(Input::new);
    }

    @Provide
    Arbitrary<Message> numericFieldMessages() {
        return Arbitraries.oneOf(inputs().map(i -> (Message) i), finiteDoubles().injectNull(0.3).map(Ping::new));
    }

    @Provide
    Arbitrary<Spelling> spellings() {
        Arbitrary<List<String>> gaps = Arbitraries.of("", "", "", " ", "\n", "\t", "\r\n  ").list().ofMinSize(1).ofMaxSize(12);
        return Combinators.combine(
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.integers().between(0, 2),
                Arbitraries.shuffle(0, 1, 2, 3), extras().list().ofMaxSize(3), extras().list().ofMaxSize(3), gaps,
                Combinators.combine(Arbitraries.of(StringStyle.class), Arbitraries.of(NumberStyle.class),
                        Arbitraries.of(SeqStyle.class)).as(List::of))
                .as((dataFirst, nulls, absence, order, envelope, data, g, styles) -> new Spelling(dataFirst, nulls, absence,
                        order, envelope, data, g, (StringStyle) styles.get(0), (NumberStyle) styles.get(1),
                        (SeqStyle) styles.get(2)));
    }

    /** The spellings a client like ours sends: type first, no nulls or extras, maybe whitespace. */
    @Provide
    Arbitrary<Spelling> plainishSpellings() {
        return Combinators.combine(Arbitraries.shuffle(0, 1, 2, 3), Arbitraries.of("", "", " ", "\n").list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(NumberStyle.class)).as((order, gaps, numbers) -> new Spelling(false, false, 0, order, List.of(),
                List.of(), gaps, StringStyle.MINIMAL, numbers, SeqStyle.PLAIN));
    }

    /** An unknown field with a scalar, or a flat array or object of scalars. */
    static Arbitrary<Extra> extras() {
        Arbitrary<String> names = anyStrings(10).filter(n -> !n.equals("type") && !n.equals("data") && !DATA_FIELD_NAMES.contains(n));
        Arbitrary<String> scalars = Arbitraries.oneOf(
                finiteDoubles().map(d -> ClientJson.number(d, NumberStyle.JAVA)),
                anyStrings(12).map(s -> ClientJson.string(s, StringStyle.MINIMAL)),
                Arbitraries.of("true", "false", "null", "1e999", "-0", "123456789012345678901234567890"));
        Arbitrary<String> values = Arbitraries.oneOf(scalars,
                scalars.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
                Combinators.combine(names, scalars).as((n, v) -> "{" + ClientJson.string(n, StringStyle.MINIMAL) + ":" + v + "}"));
        return Combinators.combine(names, values).as(Extra::new);
    }

    @Provide
    Arbitrary<String> nonFiniteLiterals() {
        return Arbitraries.of("NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "nan", "inf", "INF", "1e999", "-1e999",
                "1E309", "-2e308", "1".repeat(310), "1e2147483648");
    }

    /** Number literals for seq: integers and near-integers of every size, in every notation. */
    @Provide
    Arbitrary<String> seqLiterals() {
        Arbitrary<BigDecimal> integers = Arbitraries.oneOf(
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(BigDecimal::valueOf),
                Arbitraries.of(0L, 1L, MAX_EXACT_LONG - 1, MAX_EXACT_LONG, MAX_EXACT_LONG + 1, MAX_EXACT_LONG + 2,
                        Long.MAX_VALUE - 1, Long.MAX_VALUE).map(BigDecimal::valueOf),
                Arbitraries.of("9223372036854775808", "18446744073709551616", "-1", "-9223372036854775808")
                        .map(BigDecimal::new));
        Arbitrary<BigDecimal> offsets = Arbitraries.oneOf(
                Arbitraries.just(BigDecimal.ZERO),
                Arbitraries.integers().between(1, 40).map(k -> BigDecimal.ONE.movePointLeft(k)),
                Arbitraries.integers().between(1, 40).map(k -> BigDecimal.ONE.movePointLeft(k).negate()),
                Arbitraries.of(new BigDecimal("0.5"), new BigDecimal("-0.5")));
        Arbitrary<BigDecimal> values = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(integers, offsets).as(BigDecimal::add)),
                Tuple.of(1, Arbitraries.integers().between(1, 500).map(k -> BigDecimal.ONE.movePointLeft(k))),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(25)).map(BigDecimal::new)));
        return Combinators.combine(values, Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 3))
                .as(ClientMessageParserFuzzTest::spellNumber)
                .filter(s -> s.length() <= 60);
    }

    /** A decimal in one of several JSON notations: plain, with extra zeros, scientific, shifted exponent. */
    private static String spellNumber(BigDecimal v, int style, int shift) {
        return switch (style) {
            case 0 -> v.toPlainString();
            case 1 -> v.scale() <= 0 ? v.toPlainString() + "." + "0".repeat(shift + 1) : v.toPlainString() + "0".repeat(shift);
            case 2 -> v.toString().replace("E+", "e");
            case 3 -> v.movePointLeft(shift).toPlainString() + "e" + shift;
            default -> v.movePointRight(shift).toPlainString() + "E-" + shift;
        };
    }

    /** Random text, JSON-ish character soup, and token soup made of the protocol's own pieces. */
    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", " ", "\"type\"", "\"data\"", "\"Input\"",
                "\"Join\"", "\"Ping\"", "\"thrust\"", "\"turn\"", "\"shoot\"", "\"seq\"", "\"t\"", "\"name\"",
                "\"session_token\"", "\"lobby_id\"", "\"", "\\", "\\u", "0", "1", "-1", "0.5", "1e3", "12.0", "1e999", "NaN",
                "Infinity", "true", "false", "null", "\"x\"", "\"\\u00e9\"", "é", "\u0000", "9223372036854775808");
        Arbitrary<String> prefix = Arbitraries.of("", "", "{\"type\":\"Input\",\"data\":{", "{\"type\":\"Join\",\"data\":{",
                "{\"type\":\"Ping\",\"data\":{", "{\"data\":{");
        Arbitrary<String> soup = Combinators.combine(prefix, tokens.list().ofMaxSize(30)).as((p, l) -> p + String.join("", l));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(80)),
                Tuple.of(2, Arbitraries.strings().withChars("{}[]\":, 0123456789.eE+-tfnulrsaNIyT\\ud").ofMaxLength(80)),
                Tuple.of(5, soup));
    }

    /** Valid messages broken in one of many ways. */
    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> valid = Combinators.combine(messages(), spellings()).as(ClientJson::render);
        Arbitrary<String> junk = Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\":,\\ 0-9eE.+").ofMinLength(1).ofMaxLength(4),
                Arbitraries.of("NaN", "Infinity", "1e999", "null", "\"", "\\u12", "\\uD800", "é", "\ud83d", "\u0000",
                        "\"type\":\"Input\",", "\"data\":{}", ",", "}}", "{{", "\"seq\":-1,", "\"thrust\":\"0.5\","));
        Arbitrary<Mutation> mutations = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 15))
                        .as((at, bit) -> (Mutation) text -> flipBit(text, at, bit)),
                Combinators.combine(Arbitraries.integers().between(0, 100_000), junk)
                        .as((at, j) -> (Mutation) text -> insert(text, at, j)),
                Combinators.combine(Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(1, 8))
                        .as((at, n) -> (Mutation) text -> delete(text, at, n)),
                Combinators.combine(Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(1, 30))
                        .as((at, n) -> (Mutation) text -> duplicate(text, at, n)));
        return Combinators.combine(valid, mutations.list().ofMinSize(1).ofMaxSize(3)).as((text, list) -> {
            String t = text;
            for (Mutation mutation : list) {
                t = mutation.apply(t);
            }
            return t;
        });
    }

    /** Large inputs: long strings in a Join, long junk, many unknown fields. */
    @Provide
    Arbitrary<String> bulky() {
        Arbitrary<Integer> sizes = Arbitraries.integers().between(0, 60_000);
        Arbitrary<String> longJoin = Combinators.combine(sizes, Arbitraries.chars().all()).as((n, c) ->
                ClientJson.render(new Join(String.valueOf(c).repeat(n), "x".repeat(n / 2), null), Spelling.plain()));
        Arbitrary<String> manyFields = sizes.map(n -> {
            StringBuilder b = new StringBuilder("{\"type\":\"Ping\",\"data\":{");
            for (int i = 0; i < n / 16; i++) {
                b.append("\"f").append(i).append("\":[1,2],");
            }
            return b.append("\"t\":1}}").toString();
        });
        Arbitrary<String> longJunk = Combinators.combine(sizes, Arbitraries.of("[", "{\"a\":", "\"", "1", "NaN ", "\\"))
                .as((n, piece) -> "{\"type\":\"Join\",\"data\":" + piece.repeat(Math.max(1, n / piece.length())));
        Arbitrary<String> longNumber = sizes.map(n -> "{\"type\":\"Input\",\"data\":{\"thrust\":0." + "1".repeat(n) + "}}");
        return Arbitraries.oneOf(longJoin, manyFields, longJunk, longNumber);
    }

    private interface Mutation {
        String apply(String text);
    }

    private static String flipBit(String text, int at, int bit) {
        if (text.isEmpty()) {
            return text;
        }
        int i = at % text.length();
        char[] chars = text.toCharArray();
        chars[i] ^= (char) (1 << (bit < 8 ? bit : bit % 8 + 8));
        return new String(chars);
    }

    private static String insert(String text, int at, String junk) {
        int i = at % (text.length() + 1);
        return text.substring(0, i) + junk + text.substring(i);
    }

    private static String delete(String text, int at, int n) {
        if (text.isEmpty()) {
            return text;
        }
        int i = at % text.length();
        return text.substring(0, i) + text.substring(Math.min(text.length(), i + n));
    }

    private static String duplicate(String text, int at, int n) {
        if (text.isEmpty()) {
            return text;
        }
        int i = at % text.length();
        String slice = text.substring(i, Math.min(text.length(), i + n));
        return text.substring(0, i) + slice + text.substring(i);
    }
}
