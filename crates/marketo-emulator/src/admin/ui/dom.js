// Small DOM helpers shared by the inspector's modules: build elements, format values.

/** An element: `h('td', {class: 'num'}, '12')`. Attributes starting with `on` are listeners. */
export function h(tag, attrs = {}, ...children) {
  const svg = tag.startsWith('svg:');
  const el = svg
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** `document.getElementById`, failing loudly when the page lacks the element. */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el;
}

/** An ISO time as `HH:MM:SS.mmm` (UTC), the way the log shows it. */
export function clockTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso ?? '');
  return d.toISOString().slice(11, 23);
}

/** An ISO time as `YYYY-MM-DD HH:MM:SS UTC`. */
export function dateTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso ?? '');
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

/** Microseconds as a short duration. */
export function duration(us) {
  if (typeof us !== 'number') return '';
  if (us < 1000) return `${us} µs`;
  if (us < 1e6) return `${(us / 1000).toFixed(us < 1e4 ? 1 : 0)} ms`;
  return `${(us / 1e6).toFixed(2)} s`;
}

/** A number with thousands separators. */
export function count(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US') : String(n ?? '');
}

/** A cell's text for any JSON value (objects and arrays compact, cut at `max` characters). */
export function cell(value, max = 80) {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Body text pretty-printed when it is JSON, as it is otherwise. */
export function pretty(text) {
  if (typeof text !== 'string') return '';
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return text;
  try {
    return JSON.stringify(JSON.parse(t), null, 2);
  } catch {
    return text;
  }
}

/** A table of `rows` (objects) over `columns` ([key, label] pairs); `onRow(row)` makes rows clickable. */
export function table(columns, rows, { onRow, rowClass, id } = {}) {
  const head = h('thead', {}, h('tr', {}, columns.map(([, label]) => h('th', {}, label))));
  const body = h(
    'tbody',
    {},
    rows.map((row) =>
      h(
        'tr',
        {
          class: [onRow ? 'clickable' : '', rowClass ? rowClass(row) : ''].join(' ').trim() || null,
          onclick: onRow ? () => onRow(row) : null,
          dataset: row.id !== undefined ? { id: String(row.id) } : undefined,
        },
        columns.map(([key]) => h('td', { title: cell(row[key], 2000) }, cell(row[key]))),
      ),
    ),
  );
  return h('table', { class: 'grid', id }, head, body);
}

/** The columns worth showing for `rows`: `preferred` first (those present), then others, at most `max`. */
export function columnsOf(rows, preferred = [], max = 9) {
  const seen = new Set();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  const keys = preferred.filter((k) => seen.has(k));
  for (const key of seen) if (!keys.includes(key)) keys.push(key);
  return keys.slice(0, max).map((k) => [k, k]);
}
