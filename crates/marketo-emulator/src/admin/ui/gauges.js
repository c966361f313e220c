// The limits as live gauges (calls in the rate window, calls in flight, today's counted calls against the daily
// quota) and a chart of the first two over the last minutes, drawn by hand on a canvas.

import { byId, count, fill, h } from './dom.js';

/** Samples the chart keeps (one a second: four minutes). */
const HISTORY = 240;
const R = 52;
const CX = 64;
const CY = 62;

function point(fraction) {
  const angle = Math.PI * (1 - fraction);
  return [CX + R * Math.cos(angle), CY - R * Math.sin(angle)];
}

function arc(fraction) {
  const f = Math.max(0, Math.min(1, fraction));
  if (f <= 0) return '';
  const [x0, y0] = point(0);
  const [x1, y1] = point(Math.min(f, 0.9999));
  return `M ${x0.toFixed(2)} ${y0.toFixed(2)} A ${R} ${R} 0 0 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}

function level(fraction) {
  if (fraction >= 0.9) return 'hot';
  if (fraction >= 0.6) return 'warm';
  return 'cool';
}

/** One gauge: an arc filled to value / max, the numbers under it. */
class Gauge {
  constructor(id, label) {
    this.track = h('svg:path', { class: 'track', d: arc(1) });
    this.bar = h('svg:path', { class: 'bar cool', d: '' });
    this.value = h('span', { class: 'value' }, '–');
    this.max = h('span', { class: 'max' }, '');
    this.note = h('div', { class: 'gauge-note' }, '');
    this.el = h(
      'div',
      { class: 'gauge', id },
      h('svg:svg', { viewBox: '0 0 128 72', class: 'dial', role: 'img', 'aria-label': label },
        this.track, this.bar),
      h('div', { class: 'gauge-text' }, this.value, h('span', { class: 'of' }, ' / '), this.max),
      h('div', { class: 'gauge-label' }, label),
      this.note,
    );
  }

  set(value, max, note) {
    const fraction = max > 0 ? value / max : 0;
    this.bar.setAttribute('d', arc(fraction));
    this.bar.setAttribute('class', `bar ${level(fraction)}`);
    this.value.textContent = count(value);
    this.max.textContent = count(max);
    this.note.textContent = note;
    this.el.dataset.value = String(value);
  }
}

/** The gauges and the chart, fed with `GET /usage` answers. */
export class Gauges {
  constructor() {
    this.window = new Gauge('gauge-window', 'Rate window');
    this.flight = new Gauge('gauge-flight', 'In flight');
    this.today = new Gauge('gauge-today', "Today's quota");
    this.canvas = h('canvas', { id: 'chart', width: 520, height: 150, 'aria-label': 'Window and in-flight calls over time' });
    this.samples = [];
    const legend = h('figcaption', {},
      h('span', { class: 'key k-window' }, 'in rate window'),
      h('span', { class: 'key k-flight' }, 'in flight'),
      h('span', { class: 'key k-today' }, 'counted since last sample'));
    fill(byId('gauges'), this.window.el, this.flight.el, this.today.el,
      h('figure', { class: 'chart' }, this.canvas, legend));
    new ResizeObserver(() => this.draw()).observe(this.canvas);
  }

  /** Show a usage answer and add it to the chart. */
  update(u) {
    this.window.set(u.window, u.rate_limit, `calls per ${u.window_secs} s`);
    this.flight.set(u.in_flight, u.concurrency, 'concurrent calls');
    this.today.set(u.today, u.daily_quota, `day ${u.quota_day} (Chicago)`);
    const last = this.samples[this.samples.length - 1];
    const added = last && u.today >= last.today ? u.today - last.today : 0;
    this.samples.push({ window: u.window, flight: u.in_flight, today: u.today, added, limit: u.rate_limit });
    if (this.samples.length > HISTORY) this.samples.shift();
    this.draw();
  }

  draw() {
    const c = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(c.clientWidth, 200);
    const height = Math.max(c.clientHeight, 100);
    if (c.width !== Math.round(width * ratio) || c.height !== Math.round(height * ratio)) {
      c.width = Math.round(width * ratio);
      c.height = Math.round(height * ratio);
    }
    const g = c.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const css = getComputedStyle(c);
    const colour = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
    const pad = { l: 34, r: 8, t: 8, b: 18 };
    const w = width - pad.l - pad.r;
    const hgt = height - pad.t - pad.b;
    const top = Math.max(10, ...this.samples.map((s) => Math.max(s.window, s.flight, s.added)));
    const scale = niceCeiling(top);
    const y = (v) => pad.t + hgt - (v / scale) * hgt;
    const x = (i) => pad.l + (w * (i + HISTORY - this.samples.length)) / (HISTORY - 1);

    g.font = '11px system-ui, sans-serif';
    g.fillStyle = colour('--muted', '#667');
    g.strokeStyle = colour('--grid', '#e3e6ee');
    g.lineWidth = 1;
    for (let i = 0; i <= 5; i += 1) {
      const v = (scale * i) / 5;
      const yy = Math.round(y(v)) + 0.5;
      g.beginPath();
      g.moveTo(pad.l, yy);
      g.lineTo(pad.l + w, yy);
      g.stroke();
      g.fillText(String(Math.round(v)), 4, yy + 4);
    }
    g.fillText(`last ${Math.round(HISTORY / 60)} min`, pad.l, height - 4);
    g.textAlign = 'right';
    g.fillText('now', pad.l + w, height - 4);
    g.textAlign = 'left';

    const barWidth = Math.max(1, w / HISTORY - 1);
    g.fillStyle = colour('--today', '#c7d2fe');
    this.samples.forEach((s, i) => {
      if (s.added > 0) g.fillRect(x(i) - barWidth / 2, y(s.added), barWidth, y(0) - y(s.added));
    });
    this.line((s) => s.flight, colour('--flight', '#d97706'), x, y);
    this.line((s) => s.window, colour('--window', '#2563eb'), x, y);
  }

  line(value, stroke, x, y) {
    if (!this.samples.length) return;
    const g = this.canvas.getContext('2d');
    g.strokeStyle = stroke;
    g.lineWidth = 2;
    g.beginPath();
    this.samples.forEach((s, i) => (i ? g.lineTo(x(i), y(value(s))) : g.moveTo(x(i), y(value(s)))));
    g.stroke();
    const last = this.samples.length - 1;
    g.fillStyle = stroke;
    g.beginPath();
    g.arc(x(last), y(value(this.samples[last])), 3, 0, 2 * Math.PI);
    g.fill();
  }
}

/** The smallest of 10, 20, 50, 100, 200, ... at least `v`. */
function niceCeiling(v) {
  let base = 10;
  for (;;) {
    for (const m of [1, 2, 5]) if (base * m >= v) return base * m;
    base *= 10;
  }
}
