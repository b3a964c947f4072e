package org.jetraiders.server.journal;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import org.jetraiders.engine.PlayerScore;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.journal.JournalDescriptor;
import org.jetraiders.engine.journal.JournalFormatException;
import org.jetraiders.engine.journal.JournalHeader;
import org.jetraiders.engine.journal.Replay;
import org.jetraiders.engine.journal.ReplayReport;

/**
 * {@code java -jar jet-raiders-server.jar replay FILE [--from TICK] [--to TICK] [--json EVERY]}:
 * re-simulates a match from its journal and checks every recorded checksum and snapshot.
 *
 * <p>Exit 0 with {@code verified N ticks (M checksums)} and the final scores when everything matched
 * (a torn tail, as a crash leaves it, is replayed up to the last complete record and reported); exit 1
 * naming the first diverging tick; exit 2 with one line for a file that is not a readable journal or a
 * bad command line, never a stack trace. {@code --json EVERY} writes the world every EVERY ticks as one
 * JSON object per line on stdout (the report then goes to stderr).
 */
public final class ReplayCommand {
    public static final int VERIFIED = 0;
    public static final int DIVERGED = 1;
    public static final int UNREADABLE = 2;

    static final String USAGE = "usage: java -jar jet-raiders-server.jar replay FILE [--from TICK] [--to TICK] [--json EVERY]\n"
            + "  re-simulates a recorded match and checks every recorded checksum\n"
            + "  --from TICK   start at the latest snapshot at or before TICK (earlier ticks are not checked)\n"
            + "  --to TICK     stop at TICK\n"
            + "  --json EVERY  write the world every EVERY ticks as JSON lines on stdout (the report goes to stderr)\n"
            + "  exit 0: verified; 1: diverged (the first diverging tick is printed); 2: not a readable journal";

    private ReplayCommand() {
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        long from = -1;
        long to = Long.MAX_VALUE;
        long jsonEvery = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return VERIFIED;
                    }
                    case "--from" -> from = tick(args, ++i, "--from");
                    case "--to" -> to = tick(args, ++i, "--to");
                    case "--json" -> {
                        jsonEvery = tick(args, ++i, "--json");
                        if (jsonEvery < 1) {
                            throw new IllegalArgumentException("--json needs a number of ticks >= 1");
                        }
                    }
                    default -> {
                        if (args[i].startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                        }
                        file = Path.of(args[i]);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("which journal file?");
            }
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return UNREADABLE;
        }
        PrintStream report = jsonEvery > 0 ? err : out;
        try {
            Replay replay = Replay.of(file).from(from).to(to);
            if (jsonEvery > 0) {
                long every = jsonEvery;
                long first = Math.max(from, 0);
                replay.listener(s -> {
                    if ((s.tick() - first) % every == 0) {
                        out.println(json(s));
                    }
                });
            }
            return print(replay.run(), report);
        } catch (JournalFormatException e) {
            err.println("error: " + file + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("error: " + file + ": no such file");
        } catch (IOException e) {
            err.println("error: " + file + ": cannot read it (" + e + ")");
        } catch (RuntimeException e) {
            err.println("error: " + file + ": " + e);
        }
        return UNREADABLE;
    }

    private static long tick(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        try {
            long v = Long.parseLong(args[i]);
            if (v < 0) {
                throw new IllegalArgumentException(flag + " must be >= 0");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, not '" + args[i] + "'");
        }
    }

    static int print(ReplayReport r, PrintStream out) {
        JournalHeader h = r.header();
        out.printf("journal %s: lobby %s, match %d, %d Hz, started %s, written by %s%n", r.file(), h.lobbyName(),
                h.matchNumber(), h.tickRateHz(), Instant.ofEpochMilli(h.startedAtMillis()), h.serverVersion());
        if (r.divergence() != null) {
            ReplayReport.Divergence d = r.divergence();
            out.printf("DIVERGED at tick %d: %s recorded %08x, replayed %08x (the world differs from the recording "
                            + "after the previous check; replayed %d ticks from %d, %d checksums matched before)%n",
                    d.tick(), d.what(), d.recorded(), d.replayed(), r.ticks(), r.startTick(), r.checksums());
            return DIVERGED;
        }
        out.printf("verified %d ticks (%d checksums)%n", r.ticks(), r.checksums());
        out.printf("ticks %d to %d; %d snapshot%s matched; %s%n", r.startTick(), r.endTick(), r.snapshots(),
                r.snapshots() == 1 ? "" : "s",
                r.endReason() != 0 ? "file ends: " + JournalDescriptor.endReason(r.endReason())
                        : r.torn() ? "file torn" : "file ends without an end record (still being written, or cut at a record)");
        if (r.torn()) {
            out.printf("truncated: the last %d bytes (from byte %d) are not a complete record (%s); replayed up to the "
                    + "last complete record%n", r.tornBytes(), r.tornOffset(), r.tornReason());
        }
        if (r.failedEvents() > 0) {
            out.printf("%d events failed to apply (as they did live)%n", r.failedEvents());
        }
        out.println("final scores:");
        out.println("  player  kills  deaths  name");
        for (PlayerScore p : r.scores()) {
            out.printf("  %6d  %5d  %6d  %s%n", p.playerId(), p.kills(), p.deaths(), p.name());
        }
        if (r.scores().isEmpty()) {
            out.println("  (no players)");
        }
        return VERIFIED;
    }

    /** The world at a tick, for tools: one JSON object. */
    static String json(Snapshot s) {
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.beginObject();
            w.name("tick").value(s.tick());
            w.name("status").value(s.status().toString());
            w.name("match_seconds_left").value(s.matchSecondsLeft());
            w.name("planes").beginArray();
            for (int i = 0; i < s.planeCount(); i++) {
                w.beginObject().name("id").value(s.planeId(i)).name("name").value(s.planeName(i))
                        .name("x").value(s.planeX(i)).name("y").value(s.planeY(i)).name("rot").value(s.planeRot(i))
                        .name("throttle").value(s.planeThrottle(i)).name("hp").value(s.planeHp(i))
                        .name("alive").value(s.planeAlive(i)).name("kills").value(s.planeKills(i))
                        .name("deaths").value(s.planeDeaths(i)).name("last_input_seq").value(s.planeLastInputSeq(i))
                        .endObject();
            }
            w.endArray();
            w.name("projectiles").beginArray();
            for (int i = 0; i < s.projectileCount(); i++) {
                w.beginObject().name("id").value(s.projectileId(i)).name("owner").value(s.projectileOwner(i))
                        .name("x").value(s.projectileX(i)).name("y").value(s.projectileY(i))
                        .name("rot").value(s.projectileRot(i)).name("vx").value(s.projectileVx(i))
                        .name("vy").value(s.projectileVy(i)).name("spawn_tick").value(s.projectileSpawnTick(i))
                        .endObject();
            }
            w.endArray();
            w.name("kills").beginArray();
            for (int i = 0; i < s.killCount(); i++) {
                w.beginObject().name("killer").value(s.killKillerId(i)).name("victim").value(s.killVictimId(i)).endObject();
            }
            w.endArray();
            w.endObject();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return text.toString();
    }
}
