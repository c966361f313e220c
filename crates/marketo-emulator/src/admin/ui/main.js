// The inspector's entry point: takes the admin token, wires the panels together, keeps them fresh (the
// request log through the live tail, the gauges and clock once a second and after each call, the fault
// rules every few seconds and after each call a rule fired on).

import * as api from './api.js';
import { Clock } from './clock.js';
import { DataView } from './data.js';
import { byId } from './dom.js';
import { Faults } from './faults.js';
import { Gauges } from './gauges.js';
import { RequestLog } from './log.js';

api.adoptFragmentToken();

const status = byId('status');
function setStatus(given, error) {
  const state = error && error.status === 401 ? 'locked' : given;
  const text = { live: 'live', offline: 'offline', locked: 'needs the admin token' }[state] || state;
  status.textContent = text;
  status.dataset.state = state;
  status.title = error ? error.message : '';
}

/**
 * `fn` run now and every `every` ms; calling the result runs it again soon: never twice at once, and never
 * sooner than `gap` ms after the last run (a busy integration does not turn into a busy page).
 */
function repeat(fn, every, gap = 250) {
  let timer = null;
  let running = false;
  let again = false;
  let last = 0;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    const wait = last + gap - performance.now();
    if (wait > 0) {
      clearTimeout(timer);
      timer = setTimeout(run, wait);
      return;
    }
    clearTimeout(timer);
    timer = null;
    running = true;
    last = performance.now();
    try {
      await fn();
    } catch (e) {
      if (e.status !== 401) setStatus('offline', e);
    }
    running = false;
    if (again) {
      again = false;
      run();
      return;
    }
    timer = setTimeout(run, every);
  };
  return run;
}

const gauges = new Gauges();
const clock = new Clock({ onMoved: () => pollUsage() });
const faults = new Faults({
  onCount: (n) => {
    byId('faults-count').textContent = n ? String(n) : '';
  },
});
const data = new DataView();

const pollUsage = repeat(async () => {
  const usage = await api.get('/usage');
  gauges.update(usage);
  clock.show(usage.now);
}, 1000);
const pollFaults = repeat(() => faults.refresh(), 3000);

let dataSoon = null;
const log = new RequestLog({
  onState: setStatus,
  onCall: (call) => {
    pollUsage();
    if (call.fault) pollFaults();
    const dataTab = byId('tab-data');
    const typing = dataTab.contains(document.activeElement) && document.activeElement.matches('input, select');
    if (!dataTab.hidden && !typing && !dataSoon) {
      dataSoon = setTimeout(() => {
        dataSoon = null;
        data.refresh();
      }, 500);
    }
  },
});

function showTab(name) {
  for (const button of document.querySelectorAll('[data-tab]')) {
    button.setAttribute('aria-selected', String(button.dataset.tab === name));
  }
  for (const panel of document.querySelectorAll('.tab')) panel.hidden = panel.id !== `tab-${name}`;
  if (name === 'data') data.refresh();
  if (name === 'faults') pollFaults();
}
for (const button of document.querySelectorAll('[data-tab]')) {
  button.addEventListener('click', () => showTab(button.dataset.tab));
}

const tokenForm = byId('token-form');
api.onAuth((needed) => {
  tokenForm.hidden = !needed;
  if (needed) {
    setStatus('locked');
    byId('token-input').focus();
  }
});
tokenForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const input = byId('token-input');
  api.setToken(input.value.trim());
  input.value = '';
  setStatus('connecting');
  start();
});

function start() {
  log.start();
  pollUsage();
  pollFaults();
}
start();
