// The net graph (?debug=1 or F3, like Source's net_graph): what the connection and the prediction are
// doing. NetStats counts (usable without the panel, e.g. by tests through window.__jr); NetGraph draws.
//
//   lost snapshot: a tick the page never got (a gap in the ticks: ?sim_loss=, or the server's Lagged)
//   late snapshot: one that arrived after the interpolation had already drawn past its tick
//   prediction error: the size of the newest correction of the local plane (px), and the largest of
//   the last second

const WINDOW_MS = 1000;
const HISTORY = 120; // snapshot arrivals kept for the bar chart
const TEXT_EVERY_MS = 250;

export class NetStats {
  constructor() {
    this.reset();
  }

  reset() {
    this.lastTick = null;
    this.lost = 0;
    this.late = 0;
    this.arrivals = []; // {at, gapMs, lost, late}, newest last
    this.errors = []; // {at, px}
    this.traffic = []; // {at, bytesIn, bytesOut}
  }

  /** A snapshot of `tick` arrived at `now`; `late` when the interpolation had passed that tick. */
  snapshot(tick, now, late) {
    if (this.lastTick !== null && tick <= this.lastTick) this.lastTick = null; // a new server or lobby
    const lost = this.lastTick === null ? 0 : tick - this.lastTick - 1;
    const prev = this.arrivals[this.arrivals.length - 1];
    this.lastTick = tick;
    this.lost += lost;
    if (late) this.late += 1;
    this.arrivals.push({ at: now, gapMs: prev ? now - prev.at : 0, lost, late });
    if (this.arrivals.length > HISTORY) this.arrivals.shift();
  }

  /** The local plane's prediction was corrected by `px`. */
  correction(px, now) {
    this.errors.push({ at: now, px });
    while (this.errors.length && this.errors[0].at < now - WINDOW_MS) this.errors.shift();
  }

  /** Byte counters (totals so far), sampled once a frame. */
  sampleTraffic(bytesIn, bytesOut, now) {
    this.traffic.push({ at: now, bytesIn, bytesOut });
    while (this.traffic.length > 2 && this.traffic[1].at <= now - WINDOW_MS) this.traffic.shift();
  }

  /** Rates over the last second. */
  rates(now) {
    const recent = this.arrivals.filter((a) => a.at > now - WINDOW_MS).length;
    const first = this.traffic[0];
    const last = this.traffic[this.traffic.length - 1];
    const span = first && last ? (last.at - first.at) / 1000 : 0;
    const maxError = this.errors.reduce((m, e) => Math.max(m, e.px), 0);
    return {
      snapshotsPerSecond: recent,
      bytesInPerSecond: span > 0 ? (last.bytesIn - first.bytesIn) / span : 0,
      bytesOutPerSecond: span > 0 ? (last.bytesOut - first.bytesOut) / span : 0,
      errorMaxPx: maxError,
    };
  }
}

export class NetGraph {
  constructor(parent, stats) {
    this.stats = stats;
    this.root = document.createElement('div');
    this.root.id = 'netgraph';
    this.root.className = 'netgraph panel hidden';
    this.text = document.createElement('pre');
    this.chart = document.createElement('canvas');
    this.chart.width = 240;
    this.chart.height = 48;
    this.root.append(this.text, this.chart);
    parent.append(this.root);
    this.lastText = 0;
  }

  get visible() {
    return !this.root.classList.contains('hidden');
  }

  toggle(on = !this.visible) {
    this.root.classList.toggle('hidden', !on);
  }

  /**
   * Once a frame with the numbers that are not NetStats' own: {pingMs, delayMs, errorPx, unacked,
   * tickRateHz, predicted, corrections, snaps, shots}.
   */
  update(now, v) {
    if (!this.visible || now - this.lastText < TEXT_EVERY_MS) return;
    this.lastText = now;
    const r = this.stats.rates(now);
    const kb = (b) => `${(b / 1024).toFixed(1)} KiB/s`;
    this.text.textContent = [
      `ping ${v.pingMs === null ? '–' : `${v.pingMs} ms`} · ${r.snapshotsPerSecond} snapshots/s (${v.tickRateHz} Hz)`,
      `interpolation delay ${Math.round(v.delayMs)} ms`,
      `in ${kb(r.bytesInPerSecond)} · out ${kb(r.bytesOutPerSecond)}`,
      `lost ${this.stats.lost} · late ${this.stats.late} snapshots`,
      v.predicted
        ? `prediction error ${v.errorPx.toFixed(2)} px (max ${r.errorMaxPx.toFixed(2)} in 1 s)`
        : 'prediction off (?predict=0)',
      v.predicted ? `unacked inputs ${v.unacked} · corrections ${v.corrections} · snaps ${v.snaps}` : '',
      v.predicted ? `own shots ${v.shots.predicted} predicted, ${v.shots.confirmed} confirmed` : '',
    ].filter(Boolean).join('\n');
    this.#chart();
  }

  /** One bar per snapshot: the time since the previous one; red after lost ticks, yellow when late. */
  #chart() {
    const ctx = this.chart.getContext('2d');
    const { width, height } = this.chart;
    ctx.clearRect(0, 0, width, height);
    const arrivals = this.stats.arrivals;
    const barW = width / HISTORY;
    const scale = height / 100; // 100 ms fills the height
    arrivals.forEach((a, i) => {
      ctx.fillStyle = a.lost > 0 ? '#ff6b6b' : a.late ? '#ffcc33' : '#5ee68f';
      const h = Math.min(height, Math.max(1, a.gapMs * scale));
      ctx.fillRect(i * barW, height - h, Math.max(1, barW - 0.5), h);
    });
  }
}
