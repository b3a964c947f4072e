package org.jetraiders.server.protocol.json.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A model of the client-to-server JSON messages of docs/PROTOCOL.md and a writer that renders one in
 * any of the spellings the protocol allows (field order, {@code data} before {@code type}, explicit
 * {@code null}s, unknown fields, whitespace, string escapes, number notations), for the parser's
 * property tests. A {@code null} model field means the field is absent.
 */
public final class ClientJson {
    private ClientJson() {
    }

    /** One client message. */
    public sealed interface Message permits Join, Input, Ping, Unknown {
        /** The {@code type} as sent. */
        String type();
    }

    public record Join(String sessionToken, String name, String lobbyId) implements Message {
        @Override
        public String type() {
            return "Join";
        }
    }

    /** {@code thrust}, {@code turn} and {@code t} are finite here; {@code seq} is non-negative. */
    public record Input(Double thrust, Double turn, Boolean shoot, Long seq) implements Message {
        @Override
        public String type() {
            return "Input";
        }
    }

    public record Ping(Double t) implements Message {
        @Override
        public String type() {
            return "Ping";
        }
    }

    /** A type this server does not know; its data is any object. */
    public record Unknown(String type) implements Message {
    }

    /** How to spell a string. */
    public enum StringStyle {
        /** Only {@code "}, {@code \} and control characters escaped; everything else raw. */
        MINIMAL,
        /** Every non-ASCII and HTML-special character as {@code \\uXXXX}, the short escapes where they exist. */
        ASCII_ONLY,
        /** Every character as {@code \\uXXXX}. */
        ALL_UNICODE_ESCAPES
    }

    /** How to spell a finite double. */
    public enum NumberStyle {
        /** {@link Double#toString}: {@code 1.0E-5}. */
        JAVA,
        /** Lower-case exponent: {@code 1.0e-5}. */
        LOWER_E,
        /** Plain decimal where that stays short ({@code 0.00001}). */
        PLAIN,
        /** An integer where the value is one ({@code 3}), else as JAVA. */
        INTEGER_IF_INTEGRAL
    }

    /** How to spell a {@code seq}. */
    public enum SeqStyle {
        /** {@code 12}. */
        PLAIN,
        /** {@code 12.0} (values up to 2^53 only; larger ones are written plain). */
        POINT_ZERO,
        /** {@code 1.2E+1} (values up to 2^53 only; larger ones are written plain). */
        EXPONENT
    }

    /** An unknown field: a name no message defines, and the JSON text of its value. */
    public record Extra(String name, String valueJson) {
    }

    /**
     * The spelling choices for one message.
     *
     * @param dataFirst      {@code data} before {@code type}
     * @param explicitNulls  absent fields written as {@code null} rather than left out
     * @param dataAbsence    when every data field is absent: 0 writes {@code "data":{}}, 1 leaves
     *                       {@code data} out, 2 writes {@code "data":null}
     * @param fieldOrder     a permutation of 0..3 giving the order of the data fields
     * @param envelopeExtras unknown fields in the envelope
     * @param dataExtras     unknown fields inside {@code data}
     * @param gaps           whitespace used, in turn, between tokens
     */
    public record Spelling(boolean dataFirst, boolean explicitNulls, int dataAbsence, List<Integer> fieldOrder,
                           List<Extra> envelopeExtras, List<Extra> dataExtras, List<String> gaps,
                           StringStyle strings, NumberStyle numbers, SeqStyle seqs) {
        /** The plain spelling: type first, no nulls, no extras, no whitespace. */
        public static Spelling plain() {
            return new Spelling(false, false, 0, List.of(0, 1, 2, 3), List.of(), List.of(), List.of(""),
                    StringStyle.MINIMAL, NumberStyle.JAVA, SeqStyle.PLAIN);
        }
    }

    private static final long MAX_EXACT_LONG = 1L << 53;

    /** The message as JSON text. */
    public static String render(Message m, Spelling s) {
        Writer w = new Writer(s);
        List<String[]> fields = dataFields(m, s);
        boolean anyField = false;
        for (String[] f : fields) {
            anyField |= f[1] != null;
        }
        String data;
        if (!anyField && !(m instanceof Unknown) && s.dataAbsence() == 1) {
            data = null;
        } else if (!anyField && !(m instanceof Unknown) && s.dataAbsence() == 2) {
            data = "null";
        } else {
            List<String[]> members = new ArrayList<>();
            for (String[] f : fields) {
                if (f[1] != null) {
                    members.add(f);
                } else if (s.explicitNulls()) {
                    members.add(new String[] {f[0], "null"});
                }
            }
            for (Extra e : s.dataExtras()) {
                members.add(new String[] {e.name(), e.valueJson()});
            }
            data = w.object(members);
        }
        List<String[]> envelope = new ArrayList<>();
        String type = w.string(m.type());
        if (data != null && s.dataFirst()) {
            envelope.add(new String[] {"data", data});
        }
        envelope.add(new String[] {"type", type});
        if (data != null && !s.dataFirst()) {
            envelope.add(new String[] {"data", data});
        }
        for (Extra e : s.envelopeExtras()) {
            envelope.add(new String[] {e.name(), e.valueJson()});
        }
        return w.gap() + w.object(envelope) + w.gap();
    }

    /** The kind's data fields in the spelling's order, as {name, JSON value or null when absent}. */
    private static List<String[]> dataFields(Message m, Spelling s) {
        Writer w = new Writer(s);
        List<String[]> natural;
        if (m instanceof Join j) {
            natural = List.of(
                    new String[] {"session_token", j.sessionToken() == null ? null : w.string(j.sessionToken())},
                    new String[] {"name", j.name() == null ? null : w.string(j.name())},
                    new String[] {"lobby_id", j.lobbyId() == null ? null : w.string(j.lobbyId())});
        } else if (m instanceof Input i) {
            natural = List.of(
                    new String[] {"thrust", i.thrust() == null ? null : number(i.thrust(), s.numbers())},
                    new String[] {"turn", i.turn() == null ? null : number(i.turn(), s.numbers())},
                    new String[] {"shoot", i.shoot() == null ? null : i.shoot().toString()},
                    new String[] {"seq", i.seq() == null ? null : seq(i.seq(), s.seqs())});
        } else if (m instanceof Ping p) {
            natural = List.<String[]>of(new String[] {"t", p.t() == null ? null : number(p.t(), s.numbers())});
        } else {
            natural = List.of();
        }
        List<String[]> ordered = new ArrayList<>();
        for (int index : s.fieldOrder()) {
            if (index < natural.size()) {
                ordered.add(natural.get(index));
            }
        }
        return ordered;
    }

    /** A finite double in the given notation; parsing the text gives back exactly {@code d}. */
    public static String number(double d, NumberStyle style) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not finite: " + d);
        }
        String java = Double.toString(d);
        return switch (style) {
            case JAVA -> java;
            case LOWER_E -> java.replace('E', 'e');
            case PLAIN -> {
                if (d == 0) {
                    yield java; // keeps the sign of -0.0
                }
                String plain = new BigDecimal(java).toPlainString();
                yield plain.length() <= 40 ? plain : java;
            }
            case INTEGER_IF_INTEGRAL -> {
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    yield (Double.doubleToRawLongBits(d) < 0 && d == 0 ? "-" : "") + Long.toString((long) d);
                }
                yield java;
            }
        };
    }

    /** A non-negative seq in the given notation. */
    public static String seq(long seq, SeqStyle style) {
        if (seq > MAX_EXACT_LONG || style == SeqStyle.PLAIN) {
            return Long.toString(seq);
        }
        return switch (style) {
            case POINT_ZERO -> seq + ".0";
            case EXPONENT -> new BigDecimal(seq).stripTrailingZeros().toString().toLowerCase(Locale.ROOT) + (seq == 0 ? "e0" : "");
            default -> Long.toString(seq);
        };
    }

    /** A JSON string literal of {@code s} in the given style. */
    public static String string(String s, StringStyle style) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (style == StringStyle.ALL_UNICODE_ESCAPES) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                continue;
            }
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '/' -> b.append(style == StringStyle.ASCII_ONLY ? "\\/" : "/");
                default -> {
                    if (c < 0x20 || (style == StringStyle.ASCII_ONLY && (c > 0x7E || c == '<' || c == '>' || c == '&'))) {
                        b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Writes objects with the spelling's whitespace between tokens. */
    private static final class Writer {
        private final Spelling s;
        private int nextGap;

        Writer(Spelling s) {
            this.s = s;
        }

        String gap() {
            List<String> gaps = s.gaps();
            return gaps.isEmpty() ? "" : gaps.get(nextGap++ % gaps.size());
        }

        String string(String value) {
            return ClientJson.string(value, s.strings());
        }

        String object(List<String[]> members) {
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    b.append(gap()).append(',');
                }
                b.append(gap()).append(string(members.get(i)[0])).append(gap()).append(':').append(gap())
                        .append(members.get(i)[1]);
            }
            return b.append(gap()).append('}').toString();
        }
    }
}
