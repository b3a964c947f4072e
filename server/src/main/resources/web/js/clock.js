// The fixed-rate tick clock of the frame loop: the page samples, sends and predicts one input per
// server tick, whatever the display's frame rate.

/** Advances a fixed-rate tick clock with the frames' timestamps. */
export class FixedStepClock {
  constructor(hz = 60, maxStepsPerCall = 8) {
    this.setRate(hz);
    this.maxSteps = maxStepsPerCall;
    this.last = null;
    this.acc = 0;
  }

  setRate(hz) {
    if (Number.isFinite(hz) && hz >= 1) this.stepMs = 1000 / hz;
  }

  /**
   * Calls `onStep()` once per tick due by `now` (ms) and returns the fraction of the next tick that
   * has passed. After a stall (a hidden tab) at most maxStepsPerCall ticks run; the rest are skipped.
   */
  advance(now, onStep) {
    // callers mix clocks that may lag a little (a frame's timestamp is when the frame began, a
    // message handler's performance.now() may be later): time never runs backwards here
    if (this.last === null || now > this.last) {
      this.acc += this.last === null ? 0 : now - this.last;
      this.last = now;
    }
    let n = 0;
    while (this.acc >= this.stepMs && n < this.maxSteps) {
      this.acc -= this.stepMs;
      onStep();
      n += 1;
    }
    if (this.acc >= this.stepMs) this.acc %= this.stepMs;
    return this.acc / this.stepMs;
  }

  /**
   * The fraction of a tick from the last tick run to `now`: what to draw at a frame whose timestamp
   * is `now`. Negative when a message handler ran the ticks up to a time after the frame began.
   */
  alphaAt(now) {
    return this.last === null ? 0 : (this.acc + (now - this.last)) / this.stepMs;
  }

  reset() {
    this.last = null;
    this.acc = 0;
  }
}
