// Fault rules: add one from the form, remove one or all, and see how often each fired.

import * as api from './api.js';
import { byId, count, fill, h } from './dom.js';

/** The effects a rule can have (one per rule), with what the value field holds for each. */
const EFFECTS = {
  error: { label: 'Answer a code', value: 'code', placeholder: '604' },
  http_status: { label: 'HTTP status', value: 'status', placeholder: '502' },
  record_error: { label: 'Skip records with', value: 'code', placeholder: '1036' },
  latency_ms: { label: 'Add latency (ms)', value: 'milliseconds', placeholder: '1500' },
  drop: { label: 'Drop the connection', value: null, placeholder: '' },
};

/** Codes Marketo answers from its own trouble, offered as suggestions. */
const SUGGESTED = [
  ['502', 'Bad gateway'],
  ['604', 'Request timed out'],
  ['606', 'Max rate limit exceeded'],
  ['607', 'Daily quota reached'],
  ['608', 'API temporarily unavailable'],
  ['611', 'System error'],
  ['614', 'Invalid subscription'],
  ['615', 'Concurrent access limit reached'],
  ['713', 'Transient error'],
  ['719', 'Lock wait timeout exception'],
  ['1029', 'Too many jobs in queue / export quota'],
];

function effectOf(rule) {
  if (rule.error !== undefined) return ['code', rule.error];
  if (rule.http_status !== undefined) return ['HTTP', rule.http_status];
  if (rule.record_error !== undefined) {
    return ['records', `${rule.record_error}${rule.records ? ` × ${rule.records}` : ''}`];
  }
  if (rule.drop) return ['drop', 'connection'];
  if (rule.latency_ms !== undefined) return ['latency', `${rule.latency_ms} ms`];
  return ['', ''];
}

/** The fault rules panel bound to `#fault-form` and `#faults-body`. */
export class Faults {
  constructor({ onCount }) {
    this.onCount = onCount;
    this.form = byId('fault-form');
    this.message = byId('fault-message');
    this.body = byId('faults-body');
    this.empty = byId('faults-empty');
    this.valueField = byId('fault-value');
    const effect = this.form.elements.effect;
    fill(effect, Object.entries(EFFECTS).map(([k, e]) => h('option', { value: k }, e.label)));
    fill(byId('fault-codes'), SUGGESTED.map(([code, what]) => h('option', { value: code }, what)));
    effect.addEventListener('change', () => this.effectChanged());
    this.effectChanged();
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.add();
    });
    byId('faults-clear').addEventListener('click', () => this.clear());
    this.fired = new Map();
  }

  effectChanged() {
    const e = EFFECTS[this.form.elements.effect.value];
    const value = this.form.elements.value;
    value.disabled = !e.value;
    value.placeholder = e.placeholder;
    if (e.value === 'code') value.setAttribute('list', 'fault-codes');
    else value.removeAttribute('list');
    this.valueField.hidden = !e.value;
    byId('fault-records').hidden = this.form.elements.effect.value !== 'record_error';
  }

  /** The rule the form describes, or an error message. */
  rule() {
    const f = this.form.elements;
    const rule = { path: f.path.value.trim() };
    if (!rule.path) return 'a path is needed (exact, or a prefix ending in *)';
    if (f.method.value !== '*') rule.method = f.method.value;
    const effect = f.effect.value;
    const value = f.value.value.trim();
    if (effect === 'drop') rule.drop = true;
    else if (!value) return `${EFFECTS[effect].label}: a ${EFFECTS[effect].value} is needed`;
    else if (effect === 'error' || effect === 'record_error') rule[effect] = value;
    else {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) return `${EFFECTS[effect].value} must be a whole number`;
      rule[effect] = n;
    }
    if (effect === 'record_error' && f.records.value) rule.records = Number(f.records.value);
    if (f.times.value) rule.times = Number(f.times.value);
    if (f.probability.value) rule.probability = Number(f.probability.value);
    return rule;
  }

  async add() {
    const rule = this.rule();
    if (typeof rule === 'string') {
      this.say(rule, true);
      return;
    }
    try {
      const added = await api.post('/faults', rule);
      this.say(`Added rule #${added.added.join(', #')}`, false);
      await this.refresh();
    } catch (e) {
      this.say(e.message, true);
    }
  }

  async remove(id) {
    try {
      await api.del(`/faults/${id}`);
      await this.refresh();
    } catch (e) {
      this.say(e.message, true);
    }
  }

  async clear() {
    try {
      await api.del('/faults');
      this.say('Every rule removed', false);
      await this.refresh();
    } catch (e) {
      this.say(e.message, true);
    }
  }

  say(text, isError) {
    this.message.textContent = text;
    this.message.className = isError ? 'form-message error' : 'form-message ok';
  }

  /** Read the rules again. */
  async refresh() {
    const rules = await api.get('/faults');
    this.render(rules);
    this.onCount(rules.filter((r) => r.active).length);
  }

  render(rules) {
    this.empty.hidden = rules.length > 0;
    fill(this.body, rules.slice().reverse().map((r) => {
      const [kind, what] = effectOf(r);
      const before = this.fired.get(r.id);
      this.fired.set(r.id, r.fired);
      const bumped = before !== undefined && r.fired > before;
      return h('tr', { dataset: { id: String(r.id) }, class: r.active ? 'active' : 'retired' },
        h('td', { class: 'num' }, `#${r.id}`),
        h('td', {}, r.method || '*'),
        h('td', { class: 'mono path' }, r.path),
        h('td', { class: 'effect' }, h('span', { class: 'muted' }, kind), ' ', h('strong', {}, what)),
        h('td', { class: 'num' }, r.times ?? '∞'),
        h('td', { class: 'num' }, r.remaining ?? '∞'),
        h('td', { class: 'num' }, r.probability ?? '1'),
        h('td', { class: `num fired${bumped ? ' bumped' : ''}` }, count(r.fired)),
        h('td', {}, h('span', { class: r.active ? 'badge good' : 'badge' }, r.active ? 'active' : 'spent')),
        h('td', {}, h('button', { type: 'button', class: 'small', onclick: () => this.remove(r.id) }, 'Remove')));
    }));
  }
}
