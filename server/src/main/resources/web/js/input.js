// Keyboard state -> the protocol's Input (thrust, turn, shoot).

const THRUST_UP = new Set(['KeyW', 'ArrowUp', 'w', 'W']);
const THRUST_DOWN = new Set(['KeyS', 'ArrowDown', 's', 'S']);
const TURN_LEFT = new Set(['KeyA', 'ArrowLeft', 'a', 'A']);
const TURN_RIGHT = new Set(['KeyD', 'ArrowRight', 'd', 'D']);
const SHOOT = new Set(['Space', ' ', 'Spacebar']);
const GAME_KEYS = [THRUST_UP, THRUST_DOWN, TURN_LEFT, TURN_RIGHT, SHOOT];

/** Tracks held keys while `enabled()` is true; ignores typing in form fields. */
export class Keyboard {
  constructor(target, { enabled, onToggleScores }) {
    this.held = new Set();
    this.enabled = enabled;
    this.onToggleScores = onToggleScores;
    target.addEventListener('keydown', (e) => this.#down(e));
    target.addEventListener('keyup', (e) => this.#up(e));
    target.addEventListener('blur', () => this.held.clear());
    document.addEventListener('visibilitychange', () => { if (document.hidden) this.held.clear(); });
  }

  #isGameKey(e) {
    return GAME_KEYS.some((set) => set.has(e.code) || set.has(e.key));
  }

  #down(e) {
    if (!this.enabled() || isFormField(e.target)) return;
    if (e.code === 'Tab' || e.key === 'Tab') {
      e.preventDefault();
      if (!e.repeat) this.onToggleScores();
      return;
    }
    if (!this.#isGameKey(e)) return;
    e.preventDefault();
    this.held.add(e.code || e.key);
  }

  #up(e) {
    this.held.delete(e.code || e.key);
  }

  #any(set) {
    for (const k of set) if (this.held.has(k)) return true;
    return false;
  }

  /** The current input: thrust and turn in {-1, 0, 1}, shoot boolean. */
  sample() {
    return {
      thrust: (this.#any(THRUST_UP) ? 1 : 0) - (this.#any(THRUST_DOWN) ? 1 : 0),
      turn: (this.#any(TURN_RIGHT) ? 1 : 0) - (this.#any(TURN_LEFT) ? 1 : 0),
      shoot: this.#any(SHOOT),
    };
  }
}

function isFormField(el) {
  return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}
