package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void shouldUseDocumentedDefaults() {
        Options o = Options.parse(new String[0]);
        assertEquals(URI.create("ws://127.0.0.1:3001/ws"), o.url());
        assertEquals(64, o.clients());
        assertEquals(4, o.lobbies());
        assertEquals(60.0, o.rateHz());
        assertEquals(30.0, o.durationSeconds());
        assertEquals(5.0, o.warmupSeconds());
        assertEquals(8, o.probes());
        assertEquals(200.0, o.connectRate());
        assertEquals("json", o.format());
        assertEquals(1, o.senders());
        assertEquals(1, o.ioThreads());
        assertTrue(o.serverPid().isEmpty());
        assertNull(o.serverMetrics());
        assertNull(o.jsonFile());
    }

    @Test
    void shouldTakeTheServersMetricsUrl() {
        Options o = Options.parse(new String[] {"--server-metrics", "http://127.0.0.1:3000/metrics"});
        assertEquals(URI.create("http://127.0.0.1:3000/metrics"), o.serverMetrics());
    }

    @Test
    void shouldParseEveryOptionInBothForms() {
        Options o = Options.parse(new String[] {"--url=ws://h:9/ws", "--clients", "100", "--lobbies=10",
            "--rate", "30.5", "--duration", "12", "--warmup", "0", "--probes", "3", "--server-pid", "42",
            "--json", "out.json", "--connect-rate", "50", "--format", "JSON", "--senders", "2"});
        assertEquals(URI.create("ws://h:9/ws"), o.url());
        assertEquals(100, o.clients());
        assertEquals(10, o.lobbies());
        assertEquals(30.5, o.rateHz());
        assertEquals(12.0, o.durationSeconds());
        assertEquals(0.0, o.warmupSeconds());
        assertEquals(3, o.probes());
        assertEquals(42L, o.serverPid().getAsLong());
        assertEquals(Path.of("out.json"), o.jsonFile());
        assertEquals(50.0, o.connectRate());
        assertEquals("json", o.format());
        assertEquals(2, o.senders());
        assertEquals(2, o.ioThreads(), "--senders is an alias of --io-threads");
        assertEquals(3, Options.parse(new String[] {"--io-threads", "3"}).ioThreads());
        assertEquals(3, Options.parse(new String[] {"--io-threads=3", "--senders", "3"}).ioThreads());
        assertTrue(Options.usage().contains("--io-threads N"));
    }

    @Test
    void shouldAcceptBinaryFormat() {
        Options bin = Options.parse(new String[] {"--format", "bin"});
        assertEquals("bin", bin.format());
        assertTrue(bin.binary());
        assertEquals("bin", Options.parse(new String[] {"--format=BINARY"}).format());
        assertTrue(!Options.parse(new String[0]).binary());
        assertTrue(Options.usage().contains("jetraiders.v1.bin"));
    }

    @Test
    void shouldDecodeEveryFrameByDefaultAndOnlyTheProbesWithDecodeProbes() {
        Options all = Options.parse(new String[] {"--format", "bin", "--clients", "64"});
        assertTrue(all.decodeAll());
        for (int i = 0; i < 64; i++) {
            assertTrue(all.fullDecode(i));
        }
        Options probes = Options.parse(new String[] {"--format", "bin", "--clients", "64", "--decode", "probes"});
        assertTrue(!probes.decodeAll());
        int decoding = 0;
        for (int i = 0; i < 64; i++) {
            assertEquals(probes.isProbe(i), probes.fullDecode(i), "client " + i);
            decoding += probes.fullDecode(i) ? 1 : 0;
        }
        assertEquals(probes.probes(), decoding);
        assertTrue(Options.usage().contains("--decode D"));
    }

    @Test
    void shouldSpreadProbesOverSendSlotsAndLobbies() {
        Options o = Options.parse(new String[] {"--clients", "64", "--lobbies", "4"});
        java.util.List<Integer> probes = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            if (o.isProbe(i)) {
                probes.add(i);
            }
        }
        assertEquals(java.util.List.of(0, 9, 18, 27, 32, 41, 50, 59), probes);
        Options all = Options.parse(new String[] {"--clients", "3", "--lobbies", "3"});
        assertTrue(all.isProbe(0) && all.isProbe(1) && all.isProbe(2));
        Options none = Options.parse(new String[] {"--clients", "5", "--probes", "0"});
        assertTrue(!none.isProbe(0));
        for (int clients : new int[] {1, 7, 64, 100, 512}) {
            for (int p = 0; p <= Math.min(clients, 9); p++) {
                Options x = Options.builder().clients(clients).lobbies(Math.max(1, clients / 16)).probes(p).build();
                int count = 0;
                for (int i = 0; i < clients; i++) {
                    count += x.isProbe(i) ? 1 : 0;
                }
                assertEquals(p, count, clients + " clients, " + p + " probes");
            }
        }
    }

    @Test
    void shouldCapDefaultProbesAndLobbiesAtClientCount() {
        Options o = Options.parse(new String[] {"--clients", "3"});
        assertEquals(3, o.probes());
        assertEquals(3, o.lobbies());
    }

    @Test
    void shouldAssignClientsToLobbiesRoundRobinViaQuery() {
        Options o = Options.parse(new String[] {"--lobbies", "4"});
        assertEquals("load-1", o.lobbyFor(5));
        assertEquals(URI.create("ws://127.0.0.1:3001/ws?lobby_id=load-1"), o.urlFor(5));
        Options q = Options.parse(new String[] {"--url", "ws://h/ws?x=1"});
        assertEquals(URI.create("ws://h/ws?x=1&lobby_id=load-2"), q.urlFor(2));
    }

    @Test
    void shouldSignalHelp() {
        assertThrows(Options.HelpRequested.class, () -> Options.parse(new String[] {"--clients", "2", "--help"}));
        assertTrue(Options.usage().contains("--connect-rate R"));
        assertTrue(Options.usage().contains("[64]"));
    }

    @Test
    void shouldRejectBadInputWithClearMessages() {
        assertRejected("unknown option --bogus", "--bogus", "1");
        assertRejected("--clients needs a value", "--clients");
        assertRejected("--clients expects an integer, got 'ten'", "--clients", "ten");
        assertRejected("--rate expects a number, got 'NaN'", "--rate", "NaN");
        assertRejected("--clients must be between 1 and", "--clients", "0");
        assertRejected("--lobbies (5) must not exceed --clients (4)", "--clients", "4", "--lobbies", "5");
        assertRejected("--lobbies must be >= 1", "--lobbies", "0");
        assertRejected("--rate must be > 0", "--rate", "0");
        assertRejected("--duration must be > 0", "--duration", "-1");
        assertRejected("--warmup must be >= 0", "--warmup", "-0.5");
        assertRejected("--probes must be >= 0", "--probes", "-1");
        assertRejected("--probes (9) must not exceed --clients (4)", "--clients", "4", "--probes", "9");
        assertRejected("--connect-rate must be > 0", "--connect-rate", "0");
        assertRejected("--server-pid must be a positive process id", "--server-pid", "0");
        assertRejected("--format must be 'json' or 'bin', got 'xml'", "--format", "xml");
        assertRejected("--decode must be 'all' or 'probes', got 'none'", "--decode", "none");
        assertRejected("--url must start with ws:// or wss://", "--url", "http://h/ws");
        assertRejected("wss:// is not supported", "--url", "wss://h/ws");
        assertRejected("--io-threads must be between 1 and 64, got 0", "--io-threads", "0");
        assertRejected("--senders must be between 1 and 64, got 65", "--senders", "65");
        assertRejected("--senders is an alias of --io-threads", "--senders", "2", "--io-threads", "3");
        assertRejected("--url is not a valid URI", "--url", "ws://h/ w s");
        assertRejected("--url must not contain lobby_id", "--url", "ws://h/ws?lobby_id=a");
        assertRejected("--server-metrics must be an http:// or https:// URL with a host, got 'ws://h/metrics'",
                "--server-metrics", "ws://h/metrics");
        assertRejected("--server-metrics must be an http:// or https:// URL", "--server-metrics", "metrics");
        assertRejected("--server-metrics is not a valid URI", "--server-metrics", "http://h/ m");
        assertRejected("unexpected argument 'x'", "x");
    }

    private static void assertRejected(String expectedMessagePart, String... args) {
        Options.UsageException e = assertThrows(Options.UsageException.class, () -> Options.parse(args));
        assertTrue(e.getMessage().contains(expectedMessagePart),
                "expected '" + expectedMessagePart + "' in '" + e.getMessage() + "'");
    }
}
