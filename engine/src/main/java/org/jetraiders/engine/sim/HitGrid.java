package org.jetraiders.engine.sim;

/**
 * Uniform grid over the world bounds for projectile-versus-plane hit tests, so that a tick costs
 * about (projectiles x planes per 3x3 cells) instead of projectiles x planes.
 *
 * <p>Cells are a little larger than the hit distance, so every plane within the hit distance of a
 * point lies in the point's cell or one of its 8 neighbours. Planes are counting-sorted into cells
 * once per tick ({@link #build}) into arrays allocated here; planes are always inside the bounds,
 * projectiles may be anywhere (they do not wrap) and simply find no cell when far outside.
 *
 * <p>{@link #nearest} and {@link #nearestNaive} give identical answers: the nearest live plane not
 * owned by the shooter within the hit distance (distance squared &lt;= hit distance squared), ties
 * to the lowest slot.
 */
final class HitGrid {
    /** Cells per axis are capped so a huge world does not cost a huge grid; larger cells stay correct. */
    static final int MAX_CELLS_PER_AXIS = 256;
    /** Keeps floating-point rounding of cell indices from ever splitting a hit pair two cells apart. */
    private static final double CELL_MARGIN = 1.01;

    private final double minX;
    private final double minY;
    private final double invCellW;
    private final double invCellH;
    private final int cols;
    private final int rows;
    private final double hitDistSq;
    /** cellStart[c] .. cellStart[c + 1] - 1 index cellSlots for cell c; also the counting-sort counts. */
    private final int[] cellStart;
    private final int[] cellSlots;
    /** Cell of each slot as of the last build, or -1. */
    private final int[] cellOfSlot;

    HitGrid(double minX, double maxX, double minY, double maxY, double hitDist, int planeCapacity) {
        this.minX = minX;
        this.minY = minY;
        this.cols = cellsAlong(maxX - minX, hitDist);
        this.rows = cellsAlong(maxY - minY, hitDist);
        // a world narrower than the hit distance still needs cells that wide (its one cell overhangs)
        this.invCellW = 1.0 / Math.max((maxX - minX) / cols, hitDist * CELL_MARGIN);
        this.invCellH = 1.0 / Math.max((maxY - minY) / rows, hitDist * CELL_MARGIN);
        this.hitDistSq = hitDist * hitDist;
        this.cellStart = new int[cols * rows + 1];
        this.cellSlots = new int[planeCapacity];
        this.cellOfSlot = new int[planeCapacity];
    }

    private static int cellsAlong(double extent, double hitDist) {
        double n = Math.floor(extent / (hitDist * CELL_MARGIN));
        return (int) Math.max(1, Math.min(MAX_CELLS_PER_AXIS, n));
    }

    int cols() {
        return cols;
    }

    int rows() {
        return rows;
    }

    /** Counting-sorts the live planes into cells, each cell in ascending slot order. */
    void build(Planes planes) {
        int[] start = cellStart;
        int cells = start.length - 1;
        java.util.Arrays.fill(start, 0);
        int capacity = planes.capacity;
        candidatesExamined += capacity;
        for (int s = 0; s < capacity; s++) {
            if (planes.active[s] && planes.alive[s]) {
                int c = cellOf(planes.x[s], planes.y[s]);
                cellOfSlot[s] = c;
                start[c + 1]++;
            } else {
                cellOfSlot[s] = -1;
            }
        }
        for (int c = 0; c < cells; c++) {
            start[c + 1] += start[c];
        }
        // start[c] is now the first index of cell c; use it as the write cursor (it ends at the
        // first index of cell c + 1), then shift the array back by one
        for (int s = 0; s < capacity; s++) {
            int c = cellOfSlot[s];
            if (c >= 0) {
                cellSlots[start[c]++] = s;
            }
        }
        for (int c = cells; c > 0; c--) {
            start[c] = start[c - 1];
        }
        start[0] = 0;
    }

    private int cellOf(double px, double py) {
        int cx = (int) ((px - minX) * invCellW);
        int cy = (int) ((py - minY) * invCellH);
        if (cx >= cols) {
            cx = cols - 1;
        } else if (cx < 0) {
            cx = 0;
        }
        if (cy >= rows) {
            cy = rows - 1;
        } else if (cy < 0) {
            cy = 0;
        }
        return cy * cols + cx;
    }

    /** Planes looked at by hit tests so far: what the grid saves, counted rather than timed. */
    long candidatesExamined;

    /** Nearest live plane within the hit distance of (px, py) other than ownerSlot, or World.NO_SLOT. */
    int nearest(Planes planes, double px, double py, int ownerSlot) {
        double fx = Math.floor((px - minX) * invCellW);
        double fy = Math.floor((py - minY) * invCellH);
        if (!(fx >= -1 && fx <= cols && fy >= -1 && fy <= rows)) {
            return World.NO_SLOT; // more than a cell outside the bounds (or NaN): no plane can be near
        }
        int x0 = Math.max(0, (int) fx - 1);
        int x1 = Math.min(cols - 1, (int) fx + 1);
        int y0 = Math.max(0, (int) fy - 1);
        int y1 = Math.min(rows - 1, (int) fy + 1);
        int best = World.NO_SLOT;
        double bestD2 = Double.POSITIVE_INFINITY;
        double[] xs = planes.x;
        double[] ys = planes.y;
        boolean[] alive = planes.alive;
        for (int cy = y0; cy <= y1; cy++) {
            int row = cy * cols;
            int from = cellStart[row + x0];
            int to = cellStart[row + x1 + 1];
            candidatesExamined += to - from;
            for (int k = from; k < to; k++) {
                int s = cellSlots[k];
                if (s == ownerSlot || !alive[s]) {
                    continue;
                }
                double dx = xs[s] - px;
                double dy = ys[s] - py;
                double d2 = dx * dx + dy * dy;
                if (d2 <= hitDistSq && (d2 < bestD2 || (d2 == bestD2 && s < best))) {
                    best = s;
                    bestD2 = d2;
                }
            }
        }
        return best;
    }

    /** The same answer as {@link #nearest} by testing every plane; the baseline for tests and benchmarks. */
    int nearestNaive(Planes planes, double px, double py, int ownerSlot) {
        int best = World.NO_SLOT;
        double bestD2 = Double.POSITIVE_INFINITY;
        int capacity = planes.capacity;
        candidatesExamined += capacity;
        for (int s = 0; s < capacity; s++) {
            if (s == ownerSlot || !planes.active[s] || !planes.alive[s]) {
                continue;
            }
            double dx = planes.x[s] - px;
            double dy = planes.y[s] - py;
            double d2 = dx * dx + dy * dy;
            if (d2 <= hitDistSq && d2 < bestD2) {
                best = s;
                bestD2 = d2;
            }
        }
        return best;
    }
}
