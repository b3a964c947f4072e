// Canvas renderer: world bounds, planes, projectiles, names and hp bars. Text only via fillText.

import { WORLD, WORLD_W, WORLD_H, colourFor, clamp } from './util.js';

const MARGIN = 12; // world units around the bounds
// CSS pixels kept free for the HUD bars above and below the arena
const HUD_TOP = 46;
const HUD_BOTTOM = 44;
const MAX_HP = 100;
// Jet silhouette, nose up (-y), about 36 px long (collision radius is 24).
const JET = [
  [0, -19], [4, -9], [5, -3], [17, 5], [17, 9], [5, 6], [4, 13], [9, 17], [9, 19], [0, 17],
  [-9, 19], [-9, 17], [-4, 13], [-5, 6], [-17, 9], [-17, 5], [-5, -3], [-4, -9],
];

export class Renderer {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.stars = makeStars(140);
    this.resize();
    window.addEventListener('resize', () => this.resize());
  }

  resize() {
    const dpr = window.devicePixelRatio || 1;
    this.dpr = dpr;
    this.canvas.width = Math.max(1, Math.round(window.innerWidth * dpr));
    this.canvas.height = Math.max(1, Math.round(window.innerHeight * dpr));
    const cw = this.canvas.width;
    const ch = this.canvas.height;
    // keep the world's aspect ratio, fit it (plus margin) into the window below/above the HUD bars
    const top = window.innerHeight > 400 ? HUD_TOP * dpr : 0;
    const bottom = window.innerHeight > 400 ? HUD_BOTTOM * dpr : 0;
    const usableH = Math.max(1, ch - top - bottom);
    this.scale = Math.min(cw / (WORLD_W + 2 * MARGIN), usableH / (WORLD_H + 2 * MARGIN));
    this.ox = cw / 2 - ((WORLD.minX + WORLD.maxX) / 2) * this.scale;
    this.oy = top + usableH / 2 - ((WORLD.minY + WORLD.maxY) / 2) * this.scale;
  }

  /**
   * @param world interpolated world from SnapshotBuffer.sample(), or null
   * @param view { me, names: Map<id,name>, time }
   */
  draw(world, view) {
    const { ctx, canvas } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const bg = ctx.createLinearGradient(0, 0, 0, canvas.height);
    bg.addColorStop(0, '#070b18');
    bg.addColorStop(1, '#0d1530');
    ctx.fillStyle = bg;
    ctx.fillRect(0, 0, canvas.width, canvas.height);

    ctx.setTransform(this.scale, 0, 0, this.scale, this.ox, this.oy);
    this.#arena(view.time);
    if (!world) return;

    ctx.save();
    ctx.beginPath();
    ctx.rect(WORLD.minX, WORLD.minY, WORLD_W, WORLD_H);
    ctx.clip();
    for (const p of world.projectiles) this.#projectile(p);
    // local plane last so it is on top
    const planes = [...world.planes].sort((a, b) => (a.id === view.me) - (b.id === view.me));
    for (const p of planes) {
      // draw the wrapped copy too when a plane straddles an edge
      for (const [dx, dy] of wrapOffsets(p.x, p.y, 30)) this.#plane(p, p.x + dx, p.y + dy, view);
    }
    ctx.restore();
  }

  #arena(time) {
    const ctx = this.ctx;
    ctx.fillStyle = 'rgba(20, 34, 70, 0.55)';
    ctx.fillRect(WORLD.minX, WORLD.minY, WORLD_W, WORLD_H);
    for (const s of this.stars) {
      const tw = 0.55 + 0.45 * Math.sin(time / 700 + s.phase);
      ctx.fillStyle = `rgba(200, 215, 255, ${(s.a * tw).toFixed(3)})`;
      ctx.fillRect(s.x, s.y, s.r, s.r);
    }
    ctx.lineWidth = 1 / this.scale;
    ctx.strokeStyle = 'rgba(110, 150, 255, 0.10)';
    ctx.beginPath();
    for (let x = WORLD.minX + 50; x < WORLD.maxX; x += 50) { ctx.moveTo(x, WORLD.minY); ctx.lineTo(x, WORLD.maxY); }
    for (let y = WORLD.minY + 30; y < WORLD.maxY; y += 50) { ctx.moveTo(WORLD.minX, y); ctx.lineTo(WORLD.maxX, y); }
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = 'rgba(120, 170, 255, 0.65)';
    ctx.shadowColor = 'rgba(90, 140, 255, 0.9)';
    ctx.shadowBlur = 12 * this.dpr;
    ctx.strokeRect(WORLD.minX, WORLD.minY, WORLD_W, WORLD_H);
    ctx.shadowBlur = 0;
  }

  #projectile(p) {
    const ctx = this.ctx;
    const fx = Math.sin(p.rot);
    const fy = -Math.cos(p.rot);
    const colour = colourFor(p.owner);
    ctx.strokeStyle = colour;
    ctx.globalAlpha = 0.5;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x - fx * 10, p.y - fy * 10);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#fff';
    ctx.beginPath();
    ctx.arc(p.x, p.y, 2.2, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1.2;
    ctx.stroke();
  }

  #plane(p, x, y, view) {
    const ctx = this.ctx;
    const mine = p.id === view.me;
    const colour = colourFor(p.id);
    ctx.save();
    ctx.translate(x, y);
    if (mine) {
      ctx.strokeStyle = 'rgba(255, 204, 51, 0.55)';
      ctx.lineWidth = 1.5;
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.arc(0, 0, 27, 0, Math.PI * 2);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.rotate(p.rot);
    ctx.beginPath();
    ctx.moveTo(JET[0][0], JET[0][1]);
    for (let i = 1; i < JET.length; i++) ctx.lineTo(JET[i][0], JET[i][1]);
    ctx.closePath();
    ctx.shadowColor = colour;
    ctx.shadowBlur = (mine ? 16 : 8) * this.dpr;
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.shadowBlur = 0;
    ctx.lineWidth = mine ? 2.2 : 1;
    ctx.strokeStyle = mine ? '#fff6d0' : 'rgba(0, 0, 0, 0.6)';
    ctx.stroke();
    // cockpit
    ctx.fillStyle = 'rgba(10, 20, 40, 0.75)';
    ctx.beginPath();
    ctx.ellipse(0, -6, 2.2, 4.5, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.restore();

    // name and hp bar, never rotated
    const name = view.names.get(p.id) || `#${p.id}`;
    ctx.font = `${mine ? 700 : 500} 11px system-ui, "DejaVu Sans", sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
    ctx.strokeText(name, x, y - 30);
    ctx.fillStyle = mine ? '#ffcc33' : '#e6ecff';
    ctx.fillText(name, x, y - 30);
    const w = 34;
    const hp = clamp(Number(p.hp) / MAX_HP, 0, 1);
    ctx.fillStyle = 'rgba(0, 0, 0, 0.6)';
    ctx.fillRect(x - w / 2 - 1, y - 28, w + 2, 5);
    ctx.fillStyle = hp > 0.6 ? '#5ee68f' : hp > 0.3 ? '#ffcc33' : '#ff6b6b';
    ctx.fillRect(x - w / 2, y - 27, w * hp, 3);
  }
}

function wrapOffsets(x, y, r) {
  const xs = [0];
  const ys = [0];
  if (x - r < WORLD.minX) xs.push(WORLD_W);
  if (x + r > WORLD.maxX) xs.push(-WORLD_W);
  if (y - r < WORLD.minY) ys.push(WORLD_H);
  if (y + r > WORLD.maxY) ys.push(-WORLD_H);
  const out = [];
  for (const dx of xs) for (const dy of ys) out.push([dx, dy]);
  return out;
}

function makeStars(n) {
  let seed = 1234567;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const stars = [];
  for (let i = 0; i < n; i++) {
    stars.push({
      x: WORLD.minX + rnd() * WORLD_W,
      y: WORLD.minY + rnd() * WORLD_H,
      r: 0.6 + rnd() * 1.4,
      a: 0.25 + rnd() * 0.5,
      phase: rnd() * Math.PI * 2,
    });
  }
  return stars;
}
