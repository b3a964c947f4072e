package org.jetraiders.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.journal.Replay;
import org.jetraiders.server.protocol.json.JsonKillFeedEncoder;
import org.jetraiders.server.protocol.json.JsonScoreboardEncoder;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;
import org.jetraiders.server.protocol.json.ServerMessages;

/**
 * One chunk of a replay as a live JSON spectator would have received it: {@link Replay} re-simulates
 * the journal from the latest world snapshot at or before {@code from} and every replayed tick in
 * {@code [from, from + count * step)} (each {@code step}-th) is written with the server's own encoders,
 * the bytes a live JSON client gets: a {@code WorldUpdate}, a {@code Scoreboard} when due (so always in
 * a chunk's first frame), a {@code KillFeed} for ticks with kills (those of skipped ticks go with the
 * next frame) and a {@code GameState} in the first frame and whenever the phase changes. Output:
 * <pre>{"replay":{the match as GET /replays lists it},"from":T,"step":S,"frames":[{"tick":T,"messages":[{"type":"WorldUpdate",...},...]},...]}</pre>
 * The WorldUpdate of a tick does not depend on where the chunk started: the world is the same whichever
 * snapshot the re-simulation started from (the journal's checksums are what guarantee it).
 *
 * <p>Runs on an HTTP worker that holds a replay permit; allocates freely (not a hot path).
 */
final class ReplayFrames {
    private ReplayFrames() {
    }

    /** The chunk's JSON; {@code count} frames at most, fewer at the end of the file. */
    static byte[] chunk(Path file, String replayJson, long from, int count, int step, int tickRateHz) throws IOException {
        Writer writer = new Writer(replayJson, from, step, tickRateHz);
        long to = from + (long) count * step - 1;
        // from the latest snapshot *before* `from`: one at `from` itself would start the world at that tick,
        // and its frame (the step that produced it) would be missing
        Replay.of(file).from(Math.max(0, from - 1)).to(to).listener(writer::onTick).run();
        return writer.finish();
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        private final JsonWorldUpdateEncoder world = new JsonWorldUpdateEncoder();
        private final JsonScoreboardEncoder scores;
        private final JsonKillFeedEncoder kills = new JsonKillFeedEncoder();
        private final EncodedBuffer buffer = new EncodedBuffer(4096);
        private final ByteArrayOutputStream pendingKills = new ByteArrayOutputStream();
        private final long from;
        private final int step;
        private LobbyStatus lastStatus;
        private int frames;

        Writer(String replayJson, long from, int step, int tickRateHz) {
            this.from = from;
            this.step = step;
            this.scores = new JsonScoreboardEncoder(Math.max(1, tickRateHz));
            ascii("{\"replay\":" + replayJson + ",\"from\":" + from + ",\"step\":" + step + ",\"frames\":[");
        }

        void onTick(Snapshot s) {
            if (s.tick() < from) {
                return;
            }
            kills.encode(s, buffer);
            if (buffer.length() > 0) {
                if (pendingKills.size() > 0) {
                    pendingKills.write(',');
                }
                pendingKills.write(buffer.array(), 0, buffer.length());
            }
            if ((s.tick() - from) % step != 0) {
                return;
            }
            if (frames++ > 0) {
                out.write(',');
            }
            ascii("{\"tick\":" + s.tick() + ",\"messages\":[");
            world.encode(s, buffer);
            out.write(buffer.array(), 0, buffer.length());
            scores.encode(s, buffer);
            if (buffer.length() > 0) {
                out.write(',');
                out.write(buffer.array(), 0, buffer.length());
            }
            if (pendingKills.size() > 0) {
                out.write(',');
                out.writeBytes(pendingKills.toByteArray());
                pendingKills.reset();
            }
            LobbyStatus status = s.status();
            if (!status.equals(lastStatus)) {
                lastStatus = status;
                out.write(',');
                ascii(ServerMessages.gameState(status));
            }
            ascii("]}");
        }

        byte[] finish() {
            ascii("]}");
            return out.toByteArray();
        }

        private void ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
