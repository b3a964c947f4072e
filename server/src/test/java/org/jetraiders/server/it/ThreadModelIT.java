package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.junit.jupiter.api.Test;

/** The server's threads are a fixed few: 64 busy lobbies run on the threads that one does. */
class ThreadModelIT {

    /** Live threads of this JVM that are not the test's own clients (Java-WebSocket clients, HttpClient). */
    private static Set<String> serverThreads() {
        Set<String> names = new TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (t.isAlive() && !n.startsWith("WebSocketConnectReadThread") && !n.startsWith("WebSocketWriteThread")
                    && !n.startsWith("HttpClient") && !n.startsWith("surefire") && !n.startsWith("junit")) {
                names.add(n.replaceAll("\\d+$", "N"));
            }
        }
        return names;
    }

    private static int countLike(String prefix) {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldRunSixtyFourLobbiesOnTheThreadsOfOne() throws Exception {
        // every lobby is created from this test's one address: lift the per-address cap (default 4) for it
        try (ServerFixture fixture = ServerFixture.start(ServerFixture.config().maxLobbies(80).maxLobbiesPerAddress(64))) {
            TestClient first = fixture.joined("threads-0", "p0");
            first.awaitWorldUpdateAfter(0);
            Set<String> withOne = serverThreads();
            int jrWithOne = countLike("jr-");

            List<TestClient> more = new ArrayList<>();
            for (int i = 1; i < 64; i++) {
                more.add(fixture.joined("threads-" + i, "p" + i));
            }
            for (TestClient c : more) {
                c.awaitWorldUpdateAfter(0); // every lobby is open and ticking
            }
            assertTrue(fixture.server().lobbies().all().size() >= 64, "64 lobbies open");

            assertEquals(jrWithOne, countLike("jr-"), "the server's own (jr-) threads: as many for 64 lobbies as for 1");
            assertEquals(withOne, serverThreads(), "no thread kind was added for the other 63 lobbies");
        }
    }
}
