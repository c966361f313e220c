// The admin API as the inspector uses it: JSON calls and the request log's live tail, with the admin token
// (from the page's `#token=` fragment or typed in, kept in this tab's session storage) sent as
// `Authorization: Bearer` when there is one. The token is never written into the page.

export const BASE = '/_emulator';
const KEY = 'mkto-emulator-admin-token';
const authListeners = new Set();

/** An admin call that failed: its HTTP status and the API's `error` message. */
export class AdminError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Move a `#token=` fragment into session storage and out of the address bar. */
export function adoptFragmentToken() {
  const match = /(?:^#|&)token=([^&]*)/.exec(location.hash);
  if (!match) return;
  setToken(decodeURIComponent(match[1]));
  history.replaceState(null, '', location.pathname + location.search);
}

/** Keep `token` for this tab (an empty one forgets it). */
export function setToken(token) {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

/** Whether a token is kept. */
export function hasToken() {
  return Boolean(sessionStorage.getItem(KEY));
}

/** Call `f(needed)` when the emulator refuses (true) or accepts (false) the admin token. */
export function onAuth(f) {
  authListeners.add(f);
}

let authState = null;
function auth(needed) {
  if (authState === needed) return;
  authState = needed;
  for (const f of authListeners) f(needed);
}

function headers(extra = {}) {
  const out = { Accept: 'application/json', ...extra };
  const token = sessionStorage.getItem(KEY);
  if (token) out.Authorization = `Bearer ${token}`;
  return out;
}

/** A query string from the non-empty values of `params` (`''` when none). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** `method` on `BASE + path` with an optional JSON body; the answer's JSON, or an `AdminError`. */
export async function call(method, path, body) {
  const init = { method, headers: headers(), cache: 'no-store' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(BASE + path, init);
  } catch (e) {
    throw new AdminError(0, `the emulator does not answer (${e.message})`);
  }
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (res.status === 401) auth(true);
  if (!res.ok) throw new AdminError(res.status, (json && json.error) || text || res.statusText);
  auth(false);
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const del = (path) => call('DELETE', path);

/**
 * Follow a server-sent event stream read with `fetch` (an `EventSource` cannot send the token).
 * `pathFor(lastId)` gives the path to (re)connect to; `onEvent(type, data, id)` gets each event;
 * `onState('live' | 'offline', error)` is told about the connection. Reconnects with a growing pause
 * (at most 5 s). Returns a function that stops it.
 */
export function follow(pathFor, onEvent, onState) {
  const abort = new AbortController();
  let stopped = false;
  let lastId = null;
  let pause = 500;

  async function once() {
    const res = await fetch(BASE + pathFor(lastId), {
      headers: headers({ Accept: 'text/event-stream' }),
      cache: 'no-store',
      signal: abort.signal,
    });
    if (res.status === 401) auth(true);
    if (!res.ok || !res.body) throw new AdminError(res.status, `the call stream answered ${res.status}`);
    auth(false);
    onState('live');
    pause = 500;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { type: 'message', data: [], id: null };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        if (line === '') {
          if (event.data.length) {
            if (event.id !== null) lastId = event.id;
            onEvent(event.type, event.data.join('\n'), event.id);
          }
          event = { type: 'message', data: [], id: null };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.type = val;
        else if (field === 'data') event.data.push(val);
        else if (field === 'id') event.id = val;
      }
    }
  }

  (async () => {
    while (!stopped) {
      try {
        await once();
        if (!stopped) onState('offline', new Error('the call stream ended'));
      } catch (e) {
        if (stopped) return;
        onState('offline', e);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 5000);
    }
  })();

  return () => {
    stopped = true;
    abort.abort();
  };
}
