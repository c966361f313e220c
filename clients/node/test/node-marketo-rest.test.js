// The everyday calls of node-marketo-rest against `mkto serve`, unmodified: only its endpoint and identity
// URLs point at the emulator, started by the mkto-emulator helpers.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const Marketo = require('node-marketo-rest');
const { startEmulator } = require('../mkto-emulator');

test('node-marketo-rest everyday calls', async (t) => {
  const emu = await startEmulator();
  t.after(() => emu.stop());
  const marketo = () => new Marketo({
    endpoint: `${emu.url}/rest`,
    identity: `${emu.url}/identity`,
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
  });

  await t.test('token', async () => {
    await emu.reset();
    const token = await marketo().getOAuthToken();
    assert.ok(token.access_token);
  });

  await t.test('create or update, find, by id, describe', async () => {
    await emu.reset();
    const m = marketo();
    const created = await m.lead.createOrUpdate(
      [{ email: 'n1@example.com', firstName: 'N' }, { email: 'n2@example.com' }],
      { lookupField: 'email' },
    );
    assert.deepStrictEqual(created.result.map((r) => r.status), ['created', 'created']);
    const found = await m.lead.find('email', ['n1@example.com'], { fields: ['email', 'firstName'] });
    assert.strictEqual(found.result[0].firstName, 'N');
    const one = await m.lead.byId(created.result[1].id, { fields: ['email'] });
    assert.strictEqual(one.result[0].email, 'n2@example.com');
    const described = await m.lead.describe();
    assert.ok(described.result.some((f) => f.rest.name === 'email'));
  });

  await t.test('static list membership', async () => {
    await emu.reset();
    await emu.seed({ lists: [{ id: 1001, name: 'Newsletter' }] });
    const m = marketo();
    const created = await m.lead.createOrUpdate([{ email: 'm1@example.com' }, { email: 'm2@example.com' }], {});
    const ids = created.result.map((r) => r.id);
    const added = await m.list.addLeadsToList(1001, [ids[0]]);
    assert.strictEqual(added.result[0].status, 'added');
    const member = await m.list.isMember(1001, [ids[0]]);
    assert.strictEqual(member.result[0].status, 'memberof');
    const members = await m.list.getLeads(1001); // legacy /list/{id}/leads.json, POST with _method=GET
    assert.deepStrictEqual(members.result.map((r) => r.id), [ids[0]]);
  });

  await t.test('usage, errors and activity types', async () => {
    await emu.reset();
    const m = marketo();
    const usage = await m.stats.usage();
    assert.ok(Array.isArray(usage.result));
    const errors = await m.stats.errorsLast7Days();
    assert.strictEqual(errors.result.length, 7);
    const types = await m.activities.getActivityTypes();
    assert.ok(types.result.some((ty) => ty.id === 12));
  });
});
