package org.jetraiders.bench.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import org.jetraiders.client.binary.ProtocolDescriptor;

/**
 * Immutable settings of one load-test run. Build with {@link #builder()} or {@link #parse(String[])};
 * {@link Builder#build()} validates every value and fills the derived defaults.
 */
public final class Options {

    public static final String DEFAULT_URL = "ws://127.0.0.1:3001/ws";
    public static final int DEFAULT_CLIENTS = 64;
    public static final int DEFAULT_LOBBIES = 4;
    public static final double DEFAULT_RATE_HZ = 60;
    public static final double DEFAULT_DURATION_S = 30;
    public static final double DEFAULT_WARMUP_S = 5;
    public static final int DEFAULT_MAX_PROBES = 8;
    public static final double DEFAULT_CONNECT_RATE = 200;
    /** JSON text frames both ways. */
    public static final String FORMAT_JSON = "json";
    /** Binary protocol v1: subprotocol {@value #BIN_SUBPROTOCOL}, binary world frames and inputs. */
    public static final String FORMAT_BIN = "bin";
    static final String DECODE_ALL = "all";
    static final String DECODE_PROBES = "probes";
    /** The WebSocket subprotocol a {@code bin} client asks for (docs/PROTOCOL.md, "Binary protocol"). */
    public static final String BIN_SUBPROTOCOL = ProtocolDescriptor.SUBPROTOCOL;
    public static final String DEFAULT_FORMAT = FORMAT_JSON;
    /** Selector threads sharing the connections (and sending their inputs). */
    public static final int DEFAULT_IO_THREADS = 1;
    static final int MAX_IO_THREADS = 64;

    static final int MAX_CLIENTS = 20_000;
    static final double MAX_RATE_HZ = 1_000;

    private final URI url;
    private final int clients;
    private final int lobbies;
    private final double rateHz;
    private final double durationSeconds;
    private final double warmupSeconds;
    private final int probes;
    private final long serverPid;
    private final URI serverMetrics;
    private final Path jsonFile;
    private final double connectRate;
    private final String format;
    private final String decode;
    private final int ioThreads;

    private Options(Builder b, URI url, int probes) {
        this.url = url;
        this.clients = b.clients;
        this.lobbies = b.lobbies;
        this.rateHz = b.rateHz;
        this.durationSeconds = b.durationSeconds;
        this.warmupSeconds = b.warmupSeconds;
        this.probes = probes;
        this.serverPid = b.serverPid;
        this.serverMetrics = b.serverMetricsUri;
        this.jsonFile = b.jsonFile;
        this.connectRate = b.connectRate;
        this.format = b.format;
        this.decode = b.decode;
        this.ioThreads = b.ioThreads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses command-line arguments ({@code --name value} or {@code --name=value}).
     *
     * @throws UsageException on an unknown option, a missing or malformed value, or a value out of range
     * @throws HelpRequested  when {@code --help} or {@code -h} is present
     */
    public static Options parse(String[] args) {
        Builder b = builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "' (options start with --)");
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--url" -> b.url(value);
                case "--clients" -> b.clients(parseInt(name, value));
                case "--lobbies" -> b.lobbies(parseInt(name, value));
                case "--rate" -> b.rateHz(parseDouble(name, value));
                case "--duration" -> b.durationSeconds(parseDouble(name, value));
                case "--warmup" -> b.warmupSeconds(parseDouble(name, value));
                case "--probes" -> b.probes(parseInt(name, value));
                case "--server-pid" -> b.serverPid(parseLong(name, value));
                case "--server-metrics" -> b.serverMetrics(value);
                case "--json" -> b.jsonFile(Path.of(value));
                case "--connect-rate" -> b.connectRate(parseDouble(name, value));
                case "--format" -> b.format(value);
                case "--decode" -> b.decode(value);
                case "--io-threads" -> b.ioThreads(parseInt(name, value));
                case "--senders" -> b.senders(parseInt(name, value));
                default -> throw new UsageException("unknown option " + name + " (see --help)");
            }
        }
        return b.build();
    }

    /** The text printed by {@code --help}. */
    public static String usage() {
        return String.join("\n",
                "Usage: LoadTest [options]   (or bench/loadtest.sh [options])",
                "",
                "WebSocket load generator for the Jet Raiders server: N bots join L lobbies, send inputs",
                "at a fixed rate, and measure input-to-effect latency, snapshot rates and server cost.",
                "",
                "Options (default in brackets):",
                "  --url URL            game WebSocket endpoint [" + DEFAULT_URL + "]",
                "  --clients N          number of bot connections [" + DEFAULT_CLIENTS + "]",
                "  --lobbies L          client i joins lobby load-<i % L> via ?lobby_id= [min(" + DEFAULT_LOBBIES + ", N)]",
                "                       (every client comes from this machine's address: start the server with",
                "                       --max-lobbies-per-address L or more; its default is 4)",
                "  --rate HZ            inputs per second per client [" + fmt(DEFAULT_RATE_HZ) + "]",
                "  --duration S         measured seconds, after the warmup [" + fmt(DEFAULT_DURATION_S) + "]",
                "  --warmup S           seconds excluded from the statistics [" + fmt(DEFAULT_WARMUP_S) + "]",
                "  --probes P           clients measuring input-to-effect latency [min(" + DEFAULT_MAX_PROBES + ", N)]",
                "  --server-pid PID     sample the server's CPU, peak RSS, threads and context switches from",
                "                       /proc, and report its uptime at the window's start and end (to find",
                "                       the window in its -Xlog:gc log) [off]",
                "  --server-metrics URL read the server's /metrics (e.g. http://127.0.0.1:3000/metrics) at the",
                "                       start and end of the measured window: its ticks, late and skipped",
                "                       ticks in the window, summed over lobbies [off]",
                "  --json FILE          also write the JSON summary to FILE [off]",
                "  --connect-rate R     new connections per second while ramping up [" + fmt(DEFAULT_CONNECT_RATE) + "]",
                "  --format F           wire format: 'json', or 'bin' (binary protocol v1 via the",
                "                       " + BIN_SUBPROTOCOL + " subprotocol; 'binary' is accepted too) [" + DEFAULT_FORMAT + "]",
                "  --decode D           binary clients: 'all' decode every world frame, as a game does (and",
                "                       count frames that do not decode); 'probes' only the latency probes, the",
                "                       others read the tick to acknowledge from the frame's first field: no",
                "                       decoding and a third of the memory, for 1,000+ clients on the",
                "                       server's machine; the server gets the same acks either way [all]",
                "  --io-threads N       NIO selector threads; each owns every N-th connection and writes",
                "                       its clients' inputs at their deadlines [" + DEFAULT_IO_THREADS + "]",
                "  --senders S          deprecated alias of --io-threads (the I/O threads send the inputs)",
                "  -h, --help           print this text",
                "",
                "Output: a progress line per second on stderr; a table, then '--- JSON ---' and the JSON",
                "summary on stdout. Exit status: 0 success, 1 run failed (e.g. no client connected), 2 bad usage.",
                "Clients cost no thread of their own: the I/O threads multiplex them (plain ws:// only).");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " expects an integer, got '" + value + "'");
        }
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " expects an integer, got '" + value + "'");
        }
    }

    private static double parseDouble(String name, String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " expects a number, got '" + value + "'");
        }
    }

    public URI url() {
        return url;
    }

    /** The URL client {@code clientIndex} connects to: {@link #url()} with {@code lobby_id} appended. */
    public URI urlFor(int clientIndex) {
        String base = url.toString();
        String sep = url.getRawQuery() == null ? "?" : "&";
        return URI.create(base + sep + "lobby_id=" + lobbyFor(clientIndex));
    }

    public String lobbyFor(int clientIndex) {
        return "load-" + (clientIndex % lobbies);
    }

    public int clients() {
        return clients;
    }

    public int lobbies() {
        return lobbies;
    }

    public double rateHz() {
        return rateHz;
    }

    public double durationSeconds() {
        return durationSeconds;
    }

    public double warmupSeconds() {
        return warmupSeconds;
    }

    public int probes() {
        return probes;
    }

    /**
     * Whether client {@code clientIndex} is a latency probe. Probe k is client
     * {@code k × (clients / probes) + k mod min(lobbies, clients / probes)}: spread evenly over the
     * clients, hence over the input timers' send slots (client i sends at about phase i / clients of
     * the period, see {@link InputTimer}), so the probes' inputs reach the server at every phase of
     * its tick instead of all within the first 1/8 of it; the offset also spreads them over the lobbies.
     */
    public boolean isProbe(int clientIndex) {
        if (probes == 0 || clientIndex < 0 || clientIndex >= clients) {
            return false;
        }
        int stride = clients / probes;
        int k = clientIndex / stride;
        return k < probes && clientIndex == k * stride + k % Math.min(lobbies, stride);
    }

    public OptionalLong serverPid() {
        return serverPid > 0 ? OptionalLong.of(serverPid) : OptionalLong.empty();
    }

    /** The server's Prometheus endpoint to read tick counters from, or null. */
    public URI serverMetrics() {
        return serverMetrics;
    }

    /** The file for the JSON summary, or null. */
    public Path jsonFile() {
        return jsonFile;
    }

    public double connectRate() {
        return connectRate;
    }

    public String format() {
        return format;
    }

    /** True for {@code --format bin}. */
    public boolean binary() {
        return FORMAT_BIN.equals(format);
    }

    /** {@code all} (the default) or {@code probes}: which binary clients decode world frames ({@code --decode}). */
    public String decode() {
        return decode;
    }

    /** {@code --decode all} (the default): every binary client decodes every world frame. */
    public boolean decodeAll() {
        return DECODE_ALL.equals(decode);
    }

    /** Whether binary client {@code index} decodes world frames in full (all with --decode all, probes always). */
    public boolean fullDecode(int index) {
        return decodeAll() || isProbe(index);
    }

    /** Number of NIO selector threads ({@code --io-threads}). */
    public int ioThreads() {
        return ioThreads;
    }

    /** The threads that send inputs: the I/O threads. Kept for {@code --senders}, its deprecated alias. */
    public int senders() {
        return ioThreads;
    }

    /** Mutable collector of option values; {@link #build()} validates them. */
    public static final class Builder {
        private String url = DEFAULT_URL;
        private int clients = DEFAULT_CLIENTS;
        private int lobbies = -1;
        private double rateHz = DEFAULT_RATE_HZ;
        private double durationSeconds = DEFAULT_DURATION_S;
        private double warmupSeconds = DEFAULT_WARMUP_S;
        private int probes = -1;
        private long serverPid = 0;
        private String serverMetrics;
        private URI serverMetricsUri;
        private Path jsonFile;
        private double connectRate = DEFAULT_CONNECT_RATE;
        private String format = DEFAULT_FORMAT;
        private String decode = DECODE_ALL;
        private int ioThreads = -1;
        private int senders = -1;
        private boolean serverPidSet;
        private boolean lobbiesSet;

        private Builder() {
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder clients(int clients) {
            this.clients = clients;
            return this;
        }

        /** Number of lobbies; unset means min(4, clients). */
        public Builder lobbies(int lobbies) {
            this.lobbies = lobbies;
            this.lobbiesSet = true;
            return this;
        }

        public Builder rateHz(double rateHz) {
            this.rateHz = rateHz;
            return this;
        }

        public Builder durationSeconds(double durationSeconds) {
            this.durationSeconds = durationSeconds;
            return this;
        }

        public Builder warmupSeconds(double warmupSeconds) {
            this.warmupSeconds = warmupSeconds;
            return this;
        }

        /** Number of latency probes; unset means min(8, clients). */
        public Builder probes(int probes) {
            if (probes < 0) {
                throw new UsageException("--probes must be >= 0, got " + probes);
            }
            this.probes = probes;
            return this;
        }

        public Builder serverPid(long serverPid) {
            this.serverPid = serverPid;
            this.serverPidSet = true;
            return this;
        }

        /** http:// or https:// URL of the server's Prometheus text endpoint; null for none. */
        public Builder serverMetrics(String serverMetrics) {
            this.serverMetrics = serverMetrics;
            return this;
        }

        public Builder jsonFile(Path jsonFile) {
            this.jsonFile = jsonFile;
            return this;
        }

        public Builder connectRate(double connectRate) {
            this.connectRate = connectRate;
            return this;
        }

        public Builder format(String format) {
            this.format = format;
            return this;
        }

        public Builder decode(String decode) {
            this.decode = decode;
            return this;
        }

        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        /** Deprecated alias of {@link #ioThreads(int)}: the I/O threads send the inputs. */
        public Builder senders(int senders) {
            this.senders = senders;
            return this;
        }

        public Options build() {
            URI uri = validateUrl(url);
            require(clients >= 1 && clients <= MAX_CLIENTS,
                    "--clients must be between 1 and " + MAX_CLIENTS + ", got " + clients);
            if (!lobbiesSet) {
                lobbies = Math.min(DEFAULT_LOBBIES, clients);
            }
            require(lobbies >= 1, "--lobbies must be >= 1, got " + lobbies);
            require(lobbies <= clients, "--lobbies (" + lobbies + ") must not exceed --clients (" + clients + ")");
            require(rateHz > 0 && rateHz <= MAX_RATE_HZ,
                    "--rate must be > 0 and <= " + fmt(MAX_RATE_HZ) + " Hz, got " + fmt(rateHz));
            require(durationSeconds > 0, "--duration must be > 0 seconds, got " + fmt(durationSeconds));
            require(warmupSeconds >= 0, "--warmup must be >= 0 seconds, got " + fmt(warmupSeconds));
            require(connectRate > 0, "--connect-rate must be > 0 per second, got " + fmt(connectRate));
            require(!serverPidSet || serverPid > 0, "--server-pid must be a positive process id, got " + serverPid);
            serverMetricsUri = serverMetrics == null ? null : validateMetricsUrl(serverMetrics);
            require(ioThreads < 0 || senders < 0 || ioThreads == senders,
                    "--senders is an alias of --io-threads; give one of them (got " + senders + " and " + ioThreads + ")");
            String threadsOption = ioThreads < 0 && senders >= 0 ? "--senders" : "--io-threads";
            ioThreads = ioThreads >= 0 ? ioThreads : senders >= 0 ? senders : DEFAULT_IO_THREADS;
            require(ioThreads >= 1 && ioThreads <= MAX_IO_THREADS,
                    threadsOption + " must be between 1 and " + MAX_IO_THREADS + ", got " + ioThreads);
            require(format != null, "--format is required");
            String f = format.toLowerCase(Locale.ROOT);
            if (f.equals("binary")) {
                f = FORMAT_BIN;
            }
            require(f.equals(FORMAT_JSON) || f.equals(FORMAT_BIN),
                    "--format must be 'json' or 'bin', got '" + format + "'");
            format = f;
            require(DECODE_ALL.equals(decode) || DECODE_PROBES.equals(decode),
                    "--decode must be '" + DECODE_ALL + "' or '" + DECODE_PROBES + "', got '" + decode + "'");
            int p = probes < 0 ? Math.min(DEFAULT_MAX_PROBES, clients) : probes;
            require(p <= clients, "--probes (" + p + ") must not exceed --clients (" + clients + ")");
            return new Options(this, uri, p);
        }

        private static URI validateUrl(String url) {
            require(url != null && !url.isBlank(), "--url must not be empty");
            URI uri = parseUri("--url", url);
            String scheme = uri.getScheme();
            require(scheme != null && (scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss")),
                    "--url must start with ws:// or wss://, got '" + url + "'");
            require(!scheme.equalsIgnoreCase("wss"),
                    "--url: wss:// is not supported (the NIO client speaks plain ws://); use the server's ws:// port");
            require(uri.getHost() != null, "--url has no host: '" + url + "'");
            require(uri.getRawQuery() == null || !uri.getRawQuery().contains("lobby_id="),
                    "--url must not contain lobby_id; it is added per client from --lobbies");
            return uri;
        }

        private static URI validateMetricsUrl(String url) {
            URI uri = parseUri("--server-metrics", url);
            String scheme = uri.getScheme();
            require(scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                            && uri.getHost() != null,
                    "--server-metrics must be an http:// or https:// URL with a host, got '" + url + "'");
            return uri;
        }

        private static URI parseUri(String option, String value) {
            try {
                return new URI(value.trim());
            } catch (URISyntaxException e) {
                throw new UsageException(option + " is not a valid URI: " + e.getMessage());
            }
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new UsageException(message);
            }
        }
    }

    /** A bad command line or option value; the message is meant for the user. */
    public static class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }

    /** Thrown by {@link #parse(String[])} when help was asked for. */
    public static final class HelpRequested extends UsageException {
        HelpRequested() {
            super("help requested");
        }
    }
}
