package org.jetraiders.client.binary;

import static org.jetraiders.client.binary.ProtocolDescriptor.KIND_WORLD_DELTA;
import static org.jetraiders.client.binary.ProtocolDescriptor.KIND_WORLD_QUANTIZED;
import static org.jetraiders.client.binary.ProtocolDescriptor.MASK_ALL;
import static org.jetraiders.client.binary.ProtocolDescriptor.MASK_HP;
import static org.jetraiders.client.binary.ProtocolDescriptor.MASK_ROT;
import static org.jetraiders.client.binary.ProtocolDescriptor.MASK_X;
import static org.jetraiders.client.binary.ProtocolDescriptor.MASK_Y;

import java.util.Arrays;

/**
 * Decoder of the server's binary world frames: reconstructs a
 * {@link ClientWorldState} per frame from {@code WorldQuantized} frames and from full and delta
 * {@code WorldDelta} frames, keeping the last {@code history} states as possible baselines. Acknowledge
 * {@link #latestTick()} in every Input.
 *
 * <p>Never throws for any bytes; counts are checked against the bytes left before anything is sized.
 * After warm-up it allocates nothing, so a load generator can run one per simulated client. Not
 * thread-safe: one thread decodes (a {@code JetRaidersClient} uses it on its connection's read thread).
 *
 * <p>On anything but {@link DecodeResult#OK} and {@link DecodeResult#UNKNOWN_KIND}, a client resyncs as
 * docs/PROTOCOL.md says: {@link #reset()}, so that it acknowledges tick 0 and the server sends a full
 * frame; frames already in flight then fail with {@code UNKNOWN_BASELINE} until that frame arrives.
 */
public final class BinarySnapshotDecoder {
    private final ClientWorldState[] states;
    private final BinaryReader r = new BinaryReader();
    private int newest = -1;

    // scratch lists of one frame
    private int[] removed = new int[16];
    private int[] addId = new int[16];
    private int[] addX = new int[16];
    private int[] addY = new int[16];
    private int[] addRot = new int[16];
    private int[] addHp = new int[16];
    private int[] chId = new int[16];
    private int[] chMask = new int[16];
    private int[] chX = new int[16];
    private int[] chY = new int[16];
    private int[] chRot = new int[16];
    private int[] chHp = new int[16];
    private int[] spId = new int[64];
    private int[] spOwner = new int[64];
    private int[] spX = new int[64];
    private int[] spY = new int[64];
    private int[] spVx = new int[64];
    private int[] spVy = new int[64];
    private long[] spTick = new long[64];
    private int[] ended = new int[64];

    /** @param history states kept as possible baselines, in [1, 4096]; at least the server's 32 */
    public BinarySnapshotDecoder(int history) {
        if (history < 1 || history > 4096) {
            throw new IllegalArgumentException("history " + history + " outside [1, 4096]");
        }
        states = new ClientWorldState[history + 1];
        for (int i = 0; i < states.length; i++) {
            states[i] = new ClientWorldState();
        }
    }

    /** Keeps {@link ProtocolDescriptor#DEFAULT_CLIENT_HISTORY} states. */
    public BinarySnapshotDecoder() {
        this(ProtocolDescriptor.DEFAULT_CLIENT_HISTORY);
    }

    /** The state of the last frame decoded OK, or null before the first. */
    public ClientWorldState latest() {
        return newest < 0 ? null : states[newest];
    }

    /** The tick to acknowledge: the last frame decoded OK, or 0. */
    public long latestTick() {
        return newest < 0 ? 0 : states[newest].tick;
    }

    /** Forgets every state: {@link #latestTick()} is 0 again, so inputs ask the server for a full frame. */
    public void reset() {
        for (ClientWorldState s : states) {
            s.valid = false;
        }
        newest = -1;
    }

    /** Decodes one frame; on OK {@link #latest()} is the new state, otherwise nothing changed. */
    public DecodeResult decode(byte[] bytes, int offset, int length) {
        int next = (newest + 1) % states.length;
        ClientWorldState target = states[next];
        target.valid = false;
        DecodeResult result;
        try {
            result = decodeInto(bytes, offset, length, target, next);
        } catch (RuntimeException e) {
            result = DecodeResult.MALFORMED; // unreachable by design; never throw past the API
        }
        if (result == DecodeResult.OK) {
            target.valid = true;
            newest = next;
        }
        return result;
    }

    private DecodeResult decodeInto(byte[] bytes, int offset, int length, ClientWorldState t, int excluded) {
        r.wrap(bytes, offset, length);
        int kind = r.envelopeKind();
        if (kind < 0) {
            return DecodeResult.ofEnvelope(kind);
        }
        if (kind == KIND_WORLD_QUANTIZED) {
            return quantized(t);
        }
        if (kind == KIND_WORLD_DELTA) {
            return delta(t, excluded);
        }
        return DecodeResult.UNKNOWN_KIND;
    }

    // ---- WorldQuantized -------------------------------------------------------------------------

    private DecodeResult quantized(ClientWorldState t) {
        t.tick = r.uvarint63();
        t.ack = r.uvarint63();
        t.tickRate = 0;
        t.projectileMotion = false;
        int planes = count(6);
        if (r.failed()) {
            return DecodeResult.MALFORMED;
        }
        t.ensurePlanes(planes);
        long prev = -1;
        for (int i = 0; i < planes; i++) {
            prev = nextId(prev, i);
            t.planeId[i] = (int) prev;
            t.planeX[i] = r.zigzag();
            t.planeY[i] = r.zigzag();
            t.planeRot[i] = r.u16();
            t.planeHp[i] = r.u8();
        }
        t.planeCount = planes;
        int projectiles = count(6);
        if (r.failed()) {
            return DecodeResult.MALFORMED;
        }
        t.ensureProjectiles(projectiles);
        prev = -1;
        for (int i = 0; i < projectiles; i++) {
            prev = nextId(prev, i);
            t.projectileId[i] = (int) prev;
            t.projectileOwner[i] = r.uvarint31();
            t.projectileX[i] = r.zigzag();
            t.projectileY[i] = r.zigzag();
            t.projectileRot[i] = r.u16();
            t.projectileVx[i] = 0;
            t.projectileVy[i] = 0;
            t.projectileSpawnTick[i] = 0;
        }
        t.projectileCount = projectiles;
        return r.failed() ? DecodeResult.MALFORMED : DecodeResult.OK;
    }

    // ---- WorldDelta -----------------------------------------------------------------------------

    private DecodeResult delta(ClientWorldState t, int excluded) {
        long tick = r.uvarint63();
        long ack = r.uvarint63();
        int tickRate = r.uvarint31();
        long planeBase = r.uvarint63();
        long projectileBase = r.uvarint63();
        if (r.failed() || tickRate < 1 || planeBase > tick || projectileBase > tick) {
            return DecodeResult.MALFORMED;
        }
        ClientWorldState pb = null;
        ClientWorldState qb = null;
        if (planeBase > 0 && (pb = find(tick - planeBase, excluded)) == null) {
            return DecodeResult.UNKNOWN_BASELINE;
        }
        if (projectileBase > 0 && ((qb = find(tick - projectileBase, excluded)) == null || !qb.projectileMotion)) {
            return DecodeResult.UNKNOWN_BASELINE;
        }
        // planes: removed ids, added records, changed records
        int nRemoved = count(1);
        ensureRemoved(nRemoved);
        long prev = -1;
        for (int i = 0; i < nRemoved; i++) {
            prev = nextId(prev, i);
            removed[i] = (int) prev;
        }
        int nAdded = count(6);
        ensureAdded(nAdded);
        prev = -1;
        for (int i = 0; i < nAdded; i++) {
            prev = nextId(prev, i);
            addId[i] = (int) prev;
            addX[i] = r.zigzag();
            addY[i] = r.zigzag();
            addRot[i] = r.u16();
            addHp[i] = r.u8();
        }
        int nChanged = count(2);
        ensureChanged(nChanged);
        prev = -1;
        for (int i = 0; i < nChanged; i++) {
            prev = nextId(prev, i);
            chId[i] = (int) prev;
            int mask = r.u8();
            if ((mask & ~MASK_ALL) != 0) {
                r.fail();
            }
            chMask[i] = mask;
            chX[i] = (mask & MASK_X) != 0 ? r.zigzag() : 0;
            chY[i] = (mask & MASK_Y) != 0 ? r.zigzag() : 0;
            chRot[i] = (mask & MASK_ROT) != 0 ? r.zigzag() : 0;
            chHp[i] = (mask & MASK_HP) != 0 ? r.u8() : 0;
        }
        // projectiles: spawn records, ended ids
        int nSpawned = count(7);
        ensureSpawned(nSpawned);
        prev = -1;
        for (int i = 0; i < nSpawned; i++) {
            prev = nextId(prev, i);
            spId[i] = (int) prev;
            spOwner[i] = r.uvarint31();
            spX[i] = r.zigzag();
            spY[i] = r.zigzag();
            spVx[i] = r.zigzag();
            spVy[i] = r.zigzag();
            long age = r.uvarint63();
            if (age > tick) {
                r.fail();
            }
            spTick[i] = tick - age;
        }
        int nEnded = count(1);
        ensureEnded(nEnded);
        prev = -1;
        for (int i = 0; i < nEnded; i++) {
            prev = nextId(prev, i);
            ended[i] = (int) prev;
        }
        if (r.failed()) {
            return DecodeResult.MALFORMED;
        }
        if (pb == null && (nRemoved > 0 || nChanged > 0) || qb == null && nEnded > 0) {
            return DecodeResult.MALFORMED;
        }
        t.tick = tick;
        t.ack = ack;
        t.tickRate = tickRate;
        t.projectileMotion = true;
        if (!applyPlanes(t, pb, nRemoved, nAdded, nChanged) || !applyProjectiles(t, qb, nSpawned, nEnded)) {
            return DecodeResult.MALFORMED;
        }
        return DecodeResult.OK;
    }

    private boolean applyPlanes(ClientWorldState t, ClientWorldState base, int nRemoved, int nAdded, int nChanged) {
        int baseCount = base == null ? 0 : base.planeCount;
        t.ensurePlanes(baseCount + nAdded);
        int n = 0;
        int ri = 0;
        int ci = 0;
        for (int b = 0; b < baseCount; b++) {
            int id = base.planeId[b];
            if (ri < nRemoved && removed[ri] < id || ci < nChanged && chId[ci] < id) {
                return false; // refers to a plane the baseline does not have
            }
            if (ri < nRemoved && removed[ri] == id) {
                ri++;
                if (ci < nChanged && chId[ci] == id) {
                    return false;
                }
                continue;
            }
            t.planeId[n] = id;
            t.planeX[n] = base.planeX[b];
            t.planeY[n] = base.planeY[b];
            t.planeRot[n] = base.planeRot[b];
            t.planeHp[n] = base.planeHp[b];
            if (ci < nChanged && chId[ci] == id) {
                int m = chMask[ci];
                t.planeX[n] += chX[ci];
                t.planeY[n] += chY[ci];
                t.planeRot[n] = (t.planeRot[n] + chRot[ci]) & 0xFFFF;
                if ((m & MASK_HP) != 0) {
                    t.planeHp[n] = chHp[ci];
                }
                ci++;
            }
            n++;
        }
        if (ri < nRemoved || ci < nChanged) {
            return false;
        }
        // merge the added planes in from the back
        int i = n - 1;
        int k = n + nAdded - 1;
        for (int j = nAdded - 1; j >= 0; k--) {
            if (i >= 0 && t.planeId[i] == addId[j]) {
                return false;
            }
            if (i >= 0 && t.planeId[i] > addId[j]) {
                t.planeId[k] = t.planeId[i];
                t.planeX[k] = t.planeX[i];
                t.planeY[k] = t.planeY[i];
                t.planeRot[k] = t.planeRot[i];
                t.planeHp[k] = t.planeHp[i];
                i--;
            } else {
                t.planeId[k] = addId[j];
                t.planeX[k] = addX[j];
                t.planeY[k] = addY[j];
                t.planeRot[k] = addRot[j];
                t.planeHp[k] = addHp[j];
                j--;
            }
        }
        t.planeCount = n + nAdded;
        return true;
    }

    private boolean applyProjectiles(ClientWorldState t, ClientWorldState base, int nSpawned, int nEnded) {
        int baseCount = base == null ? 0 : base.projectileCount;
        t.ensureProjectiles(baseCount + nSpawned);
        int n = 0;
        int ei = 0;
        for (int b = 0; b < baseCount; b++) {
            int id = base.projectileId[b];
            if (ei < nEnded && ended[ei] < id) {
                return false;
            }
            if (ei < nEnded && ended[ei] == id) {
                ei++;
                continue;
            }
            t.projectileId[n] = id;
            t.projectileOwner[n] = base.projectileOwner[b];
            t.projectileX[n] = base.projectileX[b];
            t.projectileY[n] = base.projectileY[b];
            t.projectileRot[n] = 0;
            t.projectileVx[n] = base.projectileVx[b];
            t.projectileVy[n] = base.projectileVy[b];
            t.projectileSpawnTick[n] = base.projectileSpawnTick[b];
            n++;
        }
        if (ei < nEnded) {
            return false;
        }
        int i = n - 1;
        int k = n + nSpawned - 1;
        for (int j = nSpawned - 1; j >= 0; k--) {
            if (i >= 0 && t.projectileId[i] == spId[j]) {
                return false;
            }
            if (i >= 0 && t.projectileId[i] > spId[j]) {
                t.projectileId[k] = t.projectileId[i];
                t.projectileOwner[k] = t.projectileOwner[i];
                t.projectileX[k] = t.projectileX[i];
                t.projectileY[k] = t.projectileY[i];
                t.projectileRot[k] = 0;
                t.projectileVx[k] = t.projectileVx[i];
                t.projectileVy[k] = t.projectileVy[i];
                t.projectileSpawnTick[k] = t.projectileSpawnTick[i];
                i--;
            } else {
                t.projectileId[k] = spId[j];
                t.projectileOwner[k] = spOwner[j];
                t.projectileX[k] = spX[j];
                t.projectileY[k] = spY[j];
                t.projectileRot[k] = 0;
                t.projectileVx[k] = spVx[j];
                t.projectileVy[k] = spVy[j];
                t.projectileSpawnTick[k] = spTick[j];
                j--;
            }
        }
        t.projectileCount = n + nSpawned;
        return true;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private ClientWorldState find(long tick, int excluded) {
        for (int k = 0, i = newest; k < states.length && i >= 0; k++, i = (i - 1 + states.length) % states.length) {
            ClientWorldState s = states[i];
            if (i != excluded && s.valid && s.tick == tick) {
                return s;
            }
        }
        return null;
    }

    /** A count whose records take at least {@code minRecordBytes} each: more than the bytes left is malformed. */
    private int count(int minRecordBytes) {
        int n = r.uvarint31();
        if ((long) n * minRecordBytes > r.remaining()) {
            r.fail();
            return 0;
        }
        return n;
    }

    /** The next id of an ascending gap-coded list: the first is the gap itself, later gaps are at least 1. */
    private long nextId(long prev, int index) {
        long gap = r.uvarint31();
        long id = index == 0 ? gap : prev + gap;
        if (index > 0 && gap < 1 || id > Integer.MAX_VALUE) {
            r.fail();
            return prev < 0 ? 0 : prev;
        }
        return id;
    }

    private void ensureRemoved(int n) {
        if (removed.length < n) {
            removed = Arrays.copyOf(removed, Math.max(n, removed.length * 2));
        }
    }

    private void ensureEnded(int n) {
        if (ended.length < n) {
            ended = Arrays.copyOf(ended, Math.max(n, ended.length * 2));
        }
    }

    private void ensureAdded(int n) {
        if (addId.length < n) {
            int cap = Math.max(n, addId.length * 2);
            addId = Arrays.copyOf(addId, cap);
            addX = Arrays.copyOf(addX, cap);
            addY = Arrays.copyOf(addY, cap);
            addRot = Arrays.copyOf(addRot, cap);
            addHp = Arrays.copyOf(addHp, cap);
        }
    }

    private void ensureChanged(int n) {
        if (chId.length < n) {
            int cap = Math.max(n, chId.length * 2);
            chId = Arrays.copyOf(chId, cap);
            chMask = Arrays.copyOf(chMask, cap);
            chX = Arrays.copyOf(chX, cap);
            chY = Arrays.copyOf(chY, cap);
            chRot = Arrays.copyOf(chRot, cap);
            chHp = Arrays.copyOf(chHp, cap);
        }
    }

    private void ensureSpawned(int n) {
        if (spId.length < n) {
            int cap = Math.max(n, spId.length * 2);
            spId = Arrays.copyOf(spId, cap);
            spOwner = Arrays.copyOf(spOwner, cap);
            spX = Arrays.copyOf(spX, cap);
            spY = Arrays.copyOf(spY, cap);
            spVx = Arrays.copyOf(spVx, cap);
            spVy = Arrays.copyOf(spVy, cap);
            spTick = Arrays.copyOf(spTick, cap);
        }
    }
}
