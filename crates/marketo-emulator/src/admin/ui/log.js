// The request log: the latest calls (newest first), filtered by path, code and method on the server, kept
// up to date by the live tail; a call opens with its request and response, and copies as curl with every
// secret replaced by a shell variable.

import * as api from './api.js';
import { byId, clockTime, dateTime, duration, fill, h, pretty } from './dom.js';

/** Rows the table keeps. */
const MAX_ROWS = 500;

/** What the log masks, and the shell variable a curl command reads instead. */
const MASK = '[redacted]';
const SECRETS = [
  ['access_token', 'MKTO_ACCESS_TOKEN'],
  ['client_secret', 'MKTO_CLIENT_SECRET'],
];

/** A request log bound to the page's `#log-*` and `#call-detail` elements. */
export class RequestLog {
  constructor({ onCall, onState }) {
    this.onCall = onCall;
    this.onState = onState;
    this.calls = [];
    this.paused = false;
    this.held = [];
    this.selected = null;
    this.stop = null;
    this.filters = {};
    this.body = byId('log-body');
    this.empty = byId('log-empty');
    this.detail = byId('call-detail');
    this.countEl = byId('log-count');
    const form = byId('log-filter');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.filters = Object.fromEntries(new FormData(form));
      this.start();
    });
    byId('log-pause').addEventListener('click', (e) => this.togglePause(e.currentTarget));
    byId('log-clear').addEventListener('click', () => this.clear());
  }

  /** (Re)load the matching calls and follow new ones. */
  async start() {
    if (this.stop) this.stop();
    this.stop = null;
    const f = { path: this.filters.path, code: this.filters.code, method: this.filters.method };
    let calls;
    try {
      calls = await api.get(`/calls${api.query({ ...f, limit: MAX_ROWS, bodies: 'false' })}`);
    } catch (e) {
      this.onState('offline', e);
      return;
    }
    this.calls = calls.reverse();
    this.held = [];
    this.render();
    this.stop = api.follow(
      () => `/calls/stream${api.query({ ...f, bodies: 'false', after: this.lastId() })}`,
      (type, data) => this.event(type, data),
      this.onState,
    );
  }

  lastId() {
    const newest = this.held[0] || this.calls[0];
    return newest ? newest.id : 0;
  }

  event(type, data) {
    if (type === 'lagged') {
      this.start();
      return;
    }
    if (type !== 'call') return;
    const call = JSON.parse(data);
    if (call.id <= this.lastId()) {
      // Ids start again from 1 after a reset or a cleared log: what is shown is gone.
      this.calls = [];
      this.held = [];
      this.render();
    }
    this.onCall(call);
    if (this.paused) {
      this.held.unshift(call);
      this.countEl.textContent = `${this.held.length} new while paused`;
      return;
    }
    this.calls.unshift(call);
    this.body.prepend(this.row(call));
    if (this.calls.length > MAX_ROWS) {
      this.calls.length = MAX_ROWS;
      this.body.lastElementChild?.remove();
    }
    this.summary();
  }

  togglePause(button) {
    this.paused = !this.paused;
    button.textContent = this.paused ? 'Resume' : 'Pause';
    button.setAttribute('aria-pressed', String(this.paused));
    if (!this.paused && this.held.length) {
      this.calls = [...this.held, ...this.calls].slice(0, MAX_ROWS);
      this.held = [];
      this.render();
    }
  }

  async clear() {
    try {
      await api.del('/calls');
    } catch (e) {
      this.onState('offline', e);
      return;
    }
    this.calls = [];
    this.held = [];
    this.closeDetail();
    this.render();
  }

  render() {
    fill(this.body, this.calls.map((c) => this.row(c)));
    this.summary();
  }

  summary() {
    this.empty.hidden = this.calls.length > 0;
    if (!this.paused) this.countEl.textContent = `${this.calls.length} shown`;
  }

  row(call) {
    const failed = call.status !== 200 || call.code !== null;
    const cls = [failed ? 'failed' : 'ok', call.fault ? 'faulted' : '', call.id === this.selected ? 'selected' : ''];
    return h(
      'tr',
      { class: cls.join(' ').trim(), dataset: { id: String(call.id) }, onclick: () => this.open(call.id) },
      h('td', { class: 'num' }, call.id),
      h('td', { class: 'mono' }, clockTime(call.at)),
      h('td', {}, h('span', { class: `method m-${call.method.toLowerCase()}` }, call.method)),
      h('td', { class: 'path mono', title: call.query ? `${call.path}?${call.query}` : call.path }, call.path,
        call.query ? h('span', { class: 'query' }, `?${call.query}`) : null),
      h('td', { class: 'num' }, call.status === 0 ? 'dropped' : call.status),
      h('td', { class: 'code' }, call.code !== null ? h('span', { class: 'badge bad' }, call.code) : ''),
      h('td', { class: 'num' }, duration(call.duration_us)),
      h('td', { class: 'user' }, call.user || call.client_id || ''),
      h('td', { class: 'num' }, call.fault ? h('span', { class: 'badge warn', title: `fault rule ${call.fault}` }, `#${call.fault}`) : ''),
    );
  }

  async open(id) {
    this.selected = id;
    for (const tr of this.body.querySelectorAll('tr.selected')) tr.classList.remove('selected');
    this.body.querySelector(`tr[data-id="${id}"]`)?.classList.add('selected');
    this.detail.hidden = false;
    fill(this.detail, h('p', { class: 'muted' }, `Loading call ${id}…`));
    let call;
    try {
      call = await api.get(`/calls/${id}`);
    } catch (e) {
      fill(this.detail, h('p', { class: 'error' }, e.message));
      return;
    }
    if (this.selected !== id) return;
    this.showDetail(call);
  }

  closeDetail() {
    this.selected = null;
    this.detail.hidden = true;
    fill(this.detail);
    for (const tr of this.body.querySelectorAll('tr.selected')) tr.classList.remove('selected');
  }

  showDetail(call) {
    const curlOut = h('pre', { class: 'curl', id: 'curl-text', hidden: true });
    const copy = async () => {
      const text = curl(call);
      curlOut.textContent = text;
      curlOut.hidden = false;
      try {
        await navigator.clipboard.writeText(text);
        copyBtn.textContent = 'Copied';
      } catch {
        copyBtn.textContent = 'Select and copy below';
      }
    };
    const copyBtn = h('button', { type: 'button', id: 'copy-curl', onclick: copy }, 'Copy as curl');
    const facts = [
      ['Status', call.status === 0 ? 'connection dropped' : call.status],
      ['Code', call.code ?? '—'],
      ['requestId', call.request_id],
      ['At', dateTime(call.at)],
      ['Duration', duration(call.duration_us)],
      ['Counted', call.counted ? 'yes' : 'no'],
      ['User', call.user || '—'],
      ['Client id', call.client_id || '—'],
      ['Fault rule', call.fault ? `#${call.fault}` : '—'],
    ];
    const headers = Object.entries(call.request_headers || {});
    fill(
      this.detail,
      h('header', { class: 'detail-head' },
        h('h3', {}, h('span', { class: `method m-${call.method.toLowerCase()}` }, call.method), ' ', call.path),
        h('button', { type: 'button', class: 'ghost', title: 'Close', onclick: () => this.closeDetail() }, '×')),
      call.query ? h('p', { class: 'mono query-line' }, `?${call.query}`) : null,
      h('div', { class: 'actions' }, copyBtn),
      curlOut,
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])),
      h('h4', {}, 'Request headers'),
      headers.length
        ? h('dl', { class: 'facts headers' }, headers.map(([k, v]) => [h('dt', {}, k), h('dd', { class: 'mono' }, v)]))
        : h('p', { class: 'muted' }, 'none kept'),
      bodyBlock('Request body', call.request_body, 'request-body'),
      bodyBlock(`Response body${call.response_type ? ` (${call.response_type})` : ''}`, call.response_body, 'response-body'),
    );
  }
}

function bodyBlock(title, body, id) {
  if (!body) return [h('h4', {}, title), h('p', { class: 'muted' }, 'none')];
  const note = body.truncated ? ` — cut, ${body.size.toLocaleString('en-US')} bytes in all` : ` — ${body.size} bytes`;
  return [h('h4', {}, title, h('span', { class: 'muted' }, note)), h('pre', { class: 'body', id }, pretty(body.text))];
}

/** Single-quoted for a POSIX shell. */
function sq(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** `text` single-quoted, with every masked secret replaced by a double-quoted shell variable. */
function withVariables(text) {
  let out = text;
  for (const [name, variable] of SECRETS) {
    out = out
      .replaceAll(`${name}=${MASK}`, `${name}=\u0000${variable}\u0000`)
      .replaceAll(`"${name}":"${MASK}"`, `"${name}":"\u0000${variable}\u0000"`);
  }
  out = out.replaceAll(MASK, '\u0000MKTO_SECRET\u0000');
  return out
    .split('\u0000')
    .map((part, i) => (i % 2 ? `"$${part}"` : part ? sq(part) : ''))
    .join('');
}

/** The call as a curl command: the log's masked values become `$MKTO_ACCESS_TOKEN` and the like. */
export function curl(call) {
  const url = `${location.origin}${call.path}${call.query ? `?${call.query}` : ''}`;
  const lines = [`curl -X ${call.method} ${withVariables(url)}`];
  for (const [name, value] of Object.entries(call.request_headers || {})) {
    const lower = name.toLowerCase();
    if (lower === 'authorization') {
      const scheme = /^[A-Za-z]+$/.test(value.split(' ')[0]) ? value.split(' ')[0] : 'Bearer';
      lines.push(`-H "Authorization: ${scheme} $MKTO_ACCESS_TOKEN"`);
    } else if (lower === 'content-type' || lower === 'range' || (lower === 'accept' && value !== '*/*')) {
      lines.push(`-H ${withVariables(`${name}: ${value}`)}`);
    }
  }
  const body = call.request_body;
  if (body && body.text) lines.push(`--data-binary ${withVariables(body.text)}`);
  let out = lines.join(' \\\n  ');
  if (body && body.truncated) out = `# the body was cut in the log: ${body.size} bytes were sent\n${out}`;
  return out;
}
