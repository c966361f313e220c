// The data the emulator holds, read through the admin data view (which counts against nothing): leads (with
// their lists and activities), lists, memberships, activities, bulk jobs with their state, object records.

import * as api from './api.js';
import { byId, cell, columnsOf, count, fill, h, table } from './dom.js';

const PAGE = 50;

/** The kinds of data, their paths and the columns shown first. */
const KINDS = [
  { key: 'leads', label: 'Leads', path: '/data/leads', first: ['id', 'email', 'firstName', 'lastName', 'company', 'partitionName', 'updatedAt'] },
  { key: 'lists', label: 'Lists', path: '/data/lists', first: ['id', 'name', 'members', 'programName', 'workspaceName', 'updatedAt'] },
  { key: 'memberships', label: 'Memberships', path: '/data/memberships', first: ['listId', 'leadId'] },
  { key: 'activities', label: 'Activities', path: '/data/activities', first: ['id', 'activityDate', 'leadId', 'activityTypeId', 'primaryAttributeValue', 'attributes'] },
  { key: 'bulk', label: 'Bulk jobs' },
  { key: 'objects', label: 'Objects' },
];

const JOB_COLUMNS = ['batchId', 'exportId', 'kind', 'status', 'owner', 'importId', 'format', 'createdAt', 'queuedAt', 'startedAt', 'finishedAt', 'numOfLeadsProcessed', 'numOfRowsFailed', 'numberOfRecords', 'message'];

/** The data panel bound to `#data-kinds`, `#data-view` and `#data-detail`. */
export class DataView {
  constructor() {
    this.nav = byId('data-kinds');
    this.view = byId('data-view');
    this.detail = byId('data-detail');
    this.kind = 'leads';
    this.offset = 0;
    this.email = '';
    this.objectKind = null;
    byId('data-refresh').addEventListener('click', () => this.refresh());
  }

  /** Read the counts and the current kind again. */
  async refresh() {
    let summary;
    try {
      summary = await api.get('/data');
    } catch (e) {
      fill(this.view, h('p', { class: 'error' }, e.message));
      return;
    }
    const counts = {
      ...summary,
      bulk: summary.bulk && summary.bulk.imports !== undefined ? summary.bulk.imports + summary.bulk.exports : '?',
      objects: Object.keys(summary.objects || {}).length,
    };
    fill(this.nav, KINDS.map((k) => h('button', {
      type: 'button',
      role: 'tab',
      id: `data-tab-${k.key}`,
      'aria-selected': String(k.key === this.kind),
      onclick: () => this.select(k.key),
    }, k.label, h('span', { class: 'badge' }, count(counts[k.key])))));
    await this.show();
  }

  select(kind) {
    this.kind = kind;
    this.offset = 0;
    this.objectKind = null;
    this.closeDetail();
    this.refresh();
  }

  async show() {
    try {
      if (this.kind === 'bulk') await this.showBulk();
      else if (this.kind === 'objects') await this.showObjects();
      else await this.showPage(KINDS.find((k) => k.key === this.kind));
    } catch (e) {
      fill(this.view, h('p', { class: 'error' }, e.message));
    }
  }

  async showPage(kind, path = kind.path) {
    const params = { offset: this.offset, limit: PAGE };
    if (kind.key === 'leads') params.email = this.email;
    const page = await api.get(`${path}${api.query(params)}`);
    const onRow = kind.key === 'leads' ? (row) => this.openLead(row.id) : (row) => this.openJson(`${kind.label} ${row.id ?? ''}`, row);
    fill(this.view,
      kind.key === 'leads' ? this.emailFilter() : null,
      page.items.length
        ? table(columnsOf(page.items, kind.first), page.items, { onRow, id: `data-${kind.key}` })
        : h('p', { class: 'empty' }, `No ${kind.label.toLowerCase()}.`),
      this.pager(page.total, page.items.length));
  }

  emailFilter() {
    const input = h('input', { type: 'search', name: 'email', placeholder: 'email is…', value: this.email });
    return h('form', { class: 'filters', onsubmit: (e) => {
      e.preventDefault();
      this.email = input.value.trim();
      this.offset = 0;
      this.show();
    } }, input, h('button', {}, 'Find'));
  }

  pager(total, shown) {
    const from = shown ? this.offset + 1 : 0;
    const move = (by) => {
      this.offset = Math.max(0, this.offset + by);
      this.show();
    };
    return h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'small', disabled: this.offset === 0, onclick: () => move(-PAGE) }, '← Previous'),
      h('span', { class: 'muted' }, `${count(from)}–${count(this.offset + shown)} of ${count(total)}`),
      h('button', { type: 'button', class: 'small', disabled: this.offset + shown >= total, onclick: () => move(PAGE) }, 'Next →'));
  }

  async showBulk() {
    const jobs = await api.get('/data/bulk');
    const flat = (list) => list.map((j) => ({ ...j }));
    const section = (title, rows, id) => [
      h('h3', {}, title, h('span', { class: 'badge' }, rows.length)),
      rows.length
        ? table(columnsOf(rows, JOB_COLUMNS, 11), rows, { id, rowClass: (r) => `job-${String(r.status).toLowerCase()}`, onRow: (r) => this.openJson(`${title} ${r.batchId ?? r.exportId}`, r) })
        : h('p', { class: 'empty' }, `No ${title.toLowerCase()}.`),
    ];
    fill(this.view, section('Imports', flat(jobs.imports), 'data-imports'), section('Exports', flat(jobs.exports), 'data-exports'));
  }

  async showObjects() {
    const kinds = await api.get('/data/objects');
    const names = Object.keys(kinds);
    if (!names.length) {
      fill(this.view, h('p', { class: 'empty' }, 'No records of any object type (companies, opportunities, custom objects…).'));
      return;
    }
    if (!this.objectKind || !names.includes(this.objectKind)) this.objectKind = names[0];
    const picker = h('div', { class: 'subtabs' }, names.map((n) => h('button', {
      type: 'button',
      class: 'small',
      'aria-pressed': String(n === this.objectKind),
      onclick: () => {
        this.objectKind = n;
        this.offset = 0;
        this.show();
      },
    }, n, h('span', { class: 'badge' }, count(kinds[n])))));
    const kind = { key: 'objects', label: this.objectKind, first: ['id', 'marketoGUID', 'createdAt', 'updatedAt'] };
    await this.showPage(kind, `/data/objects/${encodeURIComponent(this.objectKind)}`);
    this.view.prepend(picker);
  }

  async openLead(id) {
    this.detail.hidden = false;
    fill(this.detail, h('p', { class: 'muted' }, `Loading lead ${id}…`));
    try {
      const found = await api.get(`/data/leads/${id}`);
      const fields = Object.entries(found.lead);
      fill(this.detail, this.detailHead(`Lead ${id}`),
        h('dl', { class: 'facts' }, fields.map(([k, v]) => [h('dt', {}, k), h('dd', {}, cell(v, 200))])),
        h('h4', {}, 'Lists'),
        found.lists.length ? h('ul', {}, found.lists.map((l) => h('li', {}, typeof l === 'object' ? `${l.id ?? ''} ${l.name ?? cell(l)}` : `list ${l}`)))
          : h('p', { class: 'muted' }, 'in no list'),
        h('h4', {}, 'Latest activities'),
        found.activities.items.length
          ? table(columnsOf(found.activities.items, ['activityDate', 'activityTypeId', 'primaryAttributeValue'], 4), found.activities.items)
          : h('p', { class: 'muted' }, 'none'));
    } catch (e) {
      fill(this.detail, this.detailHead(`Lead ${id}`), h('p', { class: 'error' }, e.message));
    }
  }

  openJson(title, value) {
    this.detail.hidden = false;
    fill(this.detail, this.detailHead(title), h('pre', { class: 'body' }, JSON.stringify(value, null, 2)));
  }

  detailHead(title) {
    return h('header', { class: 'detail-head' }, h('h3', {}, title),
      h('button', { type: 'button', class: 'ghost', title: 'Close', onclick: () => this.closeDetail() }, '×'));
  }

  closeDetail() {
    this.detail.hidden = true;
    fill(this.detail);
  }
}
