// The emulator's admin API (`/_emulator/...`) with fetch, the admin token on every call.
'use strict';

class AdminError extends Error {
  constructor(method, path, status, message) {
    super(`${method} ${path}: HTTP ${status}: ${message}`);
    this.status = status;
    this.reason = message;
  }
}

function queryString(filters) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters || {})) {
    if (value === undefined || value === null) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

class AdminClient {
  constructor(adminUrl, adminToken) {
    this.adminUrl = adminUrl.replace(/\/$/, '');
    Object.defineProperty(this, 'token', { value: adminToken || null, enumerable: false });
  }

  headers(extra) {
    const h = { ...(extra || {}) };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    return h;
  }

  /** One admin call: its JSON answer, or an AdminError with the status and message. */
  async call(method, path, { query, body } = {}) {
    const res = await fetch(this.adminUrl + path + queryString(query), {
      method,
      headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!res.ok) throw new AdminError(method, path, res.status, (json && json.error) || text);
    return json;
  }

  health() { return this.call('GET', '/health'); }
  reset(to) { return this.call('POST', '/reset', { query: { to } }); }
  seed(doc) { return this.call('POST', '/seed', { body: doc }); }
  async now() { return (await this.call('GET', '/clock')).now; }
  async advanceClock(seconds) { return (await this.call('POST', '/clock/advance', { body: { seconds } })).now; }
  usage() { return this.call('GET', '/usage'); }

  async addFault(rule) { return (await this.call('POST', '/faults', { body: rule })).added[0]; }
  async addFaults(rules) { return (await this.call('POST', '/faults', { body: rules })).added; }
  faults() { return this.call('GET', '/faults'); }
  fault(id) { return this.call('GET', `/faults/${id}`); }
  async removeFault(id) { return (await this.call('DELETE', `/faults/${id}`)).removed; }
  clearFaults() { return this.call('DELETE', '/faults'); }

  /** The request log, oldest first: filters `path`, `code` (a number or an array), `method`, `since`, `after`, `limit`, `bodies`. */
  calls(filters) { return this.call('GET', '/calls', { query: filters }); }
  async lastCall(filters) {
    const found = await this.calls({ ...(filters || {}), limit: 1 });
    return found[0] || null;
  }
  getCall(id) { return this.call('GET', `/calls/${id}`); }
  clearCalls() { return this.call('DELETE', '/calls'); }

  /**
   * Follow the request log (server-sent events). Resolves once subscribed, to an async iterator of the
   * matching calls as they are logged (`for await (const call of tail) ...`; `tail.close()` to stop). With
   * `after` (0 for every kept call) or `since`, kept calls come first.
   */
  async tail(filters) {
    const controller = new AbortController();
    const res = await fetch(`${this.adminUrl}/calls/stream${queryString(filters)}`, {
      headers: this.headers({ accept: 'text/event-stream' }),
      signal: controller.signal,
    });
    if (!res.ok) throw new AdminError('GET', '/calls/stream', res.status, await res.text());
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    async function* events() {
      try {
        for (;;) {
          let end;
          while ((end = buffer.indexOf('\n\n')) < 0) {
            const { value, done } = await reader.read();
            if (done) return;
            buffer += decoder.decode(value, { stream: true });
          }
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = frame.split('\n');
          if (!lines.includes('event: call')) continue;
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, ''));
          yield JSON.parse(data.join('\n'));
        }
      } catch (e) {
        if (e.name !== 'AbortError') throw e;
      }
    }
    const iterator = events();
    iterator.close = () => { controller.abort(); return iterator.return(); };
    return iterator;
  }

  /** The first call (kept or new) matching the filters: waits on the log's tail, never polls. */
  async waitForCall(filters, { timeoutMs = 10000 } = {}) {
    const tail = await this.tail({ after: 0, ...(filters || {}) });
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no matching call in ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const next = await Promise.race([tail.next(), timeout]);
      if (next.done) throw new Error('the request log stream ended');
      return next.value;
    } finally {
      clearTimeout(timer);
      tail.close();
    }
  }

  /** `data()` counts everything; `data('leads', { email: 'ann' })`, `data('lists')`, `data('memberships', { list_id: 1001 })`, `data('activities')`, `data('bulk')`, `data('objects')`, `data('objects/company')`, `data('leads/1')`. */
  data(what = '', query) {
    const path = what ? `/data/${what.replace(/^\/+|\/+$/g, '')}` : '/data';
    return this.call('GET', path, { query });
  }

  loadScenario(scenario) { return this.call('POST', '/scenario', { body: scenario }); }
  async scenario() { return (await this.call('GET', '/scenario')).scenario; }
  forgetScenario() { return this.call('DELETE', '/scenario'); }
}

module.exports = { AdminClient, AdminError };
