package org.jetraiders.bench.fanout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.engine.ClientThreadPool;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.Snapshot;

/**
 * How client consumers should map to threads, measured: one 60 Hz lobby with 16 planes fans out to N
 * consumers, each doing a fixed amount of work per snapshot (copying the snapshot's planes, about
 * what a socket send costs us), hosted on T threads. T = N is a thread per client; T = 2 is our
 * default on 2 cores. Reports process CPU (from /proc/self/stat), snapshots delivered and skipped,
 * and the game loop's late ticks, for the package doc and BENCHMARKS.md.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.jetraiders.bench.fanout.FanoutCpuExperiment [seconds] [N,N,...] [T,T,...]</pre>
 */
public final class FanoutCpuExperiment {
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private FanoutCpuExperiment() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] clients = parse(args.length > 1 ? args[1] : "256,512,1000");
        int[] threads = parse(args.length > 2 ? args[2] : "2,N");
        System.out.printf("%-8s %-8s %10s %12s %12s %10s %10s%n", "clients", "threads", "cpu%", "delivered/s", "skipped", "late", "ticks");
        for (int n : clients) {
            for (int t : threads) {
                int threadCount = t < 0 ? n : t;
                Result r = run(n, threadCount, seconds);
                System.out.printf("%-8d %-8d %10.1f %12.0f %12d %10d %10d%n", n, threadCount, r.cpuPercent,
                        r.deliveredPerSecond, r.skipped, r.lateTicks, r.ticks);
            }
        }
    }

    private static int[] parse(String list) {
        String[] parts = list.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].equals("N") ? -1 : Integer.parseInt(parts[i]);
        }
        return out;
    }

    record Result(double cpuPercent, double deliveredPerSecond, long skipped, long lateTicks, long ticks) {
    }

    static Result run(int clients, int threads, int seconds) throws Exception {
        ClientThreadPool pool = ClientThreadPool.create("fanout", threads, Duration.ofSeconds(5));
        Lobby lobby = Lobby.create(LobbyConfig.builder().name("fanout").clientThreads(pool)
                .outputRingSize(128).maxLagSnapshots(60).build());
        lobby.start();
        for (int i = 0; i < 16; i++) {
            int id = lobby.join("p" + i);
            lobby.submitInput(id, 1, (i % 5 - 2) / 2.0, i % 2 == 0, 1);
        }
        AtomicLong delivered = new AtomicLong();
        List<ClientSubscription> subs = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            subs.add(lobby.attach(new WorkingSink(delivered)));
        }
        LockSupport.parkNanos(Duration.ofSeconds(2).toNanos()); // warm-up
        long cpu0 = cpuTicks();
        long delivered0 = delivered.get();
        long skipped0 = lobby.metrics().snapshotsSkipped();
        long late0 = lobby.metrics().lateTicks();
        long ticks0 = lobby.metrics().ticks();
        long t0 = System.nanoTime();
        LockSupport.parkNanos(Duration.ofSeconds(seconds).toNanos());
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuTicks() - cpu0) / (double) CLOCK_TICKS_PER_SECOND / wall * 100;
        Result result = new Result(cpu, (delivered.get() - delivered0) / wall,
                lobby.metrics().snapshotsSkipped() - skipped0, lobby.metrics().lateTicks() - late0,
                lobby.metrics().ticks() - ticks0);
        for (ClientSubscription s : subs) {
            s.detach();
        }
        lobby.stop();
        pool.close();
        return result;
    }

    private static long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime (fields 14 and 15)
    }

    /** Copies every plane's numbers, roughly the per-client cost of building and queueing a frame. */
    private static final class WorkingSink implements ClientSink {
        private final AtomicLong delivered;
        private final double[] copy = new double[64 * 4];
        private long local;

        WorkingSink(AtomicLong delivered) {
            this.delivered = delivered;
        }

        @Override
        public void onSnapshot(Snapshot s) {
            int n = Math.min(64, s.planeCount());
            for (int i = 0; i < n; i++) {
                copy[i * 4] = s.planeX(i);
                copy[i * 4 + 1] = s.planeY(i);
                copy[i * 4 + 2] = s.planeRot(i);
                copy[i * 4 + 3] = s.planeHp(i);
            }
            if (++local % 64 == 0) {
                delivered.addAndGet(64);
            }
        }
    }
}
