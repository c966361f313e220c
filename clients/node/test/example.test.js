// An example of testing an integration against the emulator with mkto-emulator: node-marketo-rest meets an
// injected fault and an expired token, and the request log shows what it did. The same hooks work in Jest and
// Vitest (beforeAll / afterAll / beforeEach).
'use strict';
const { before, after, beforeEach, test } = require('node:test');
const assert = require('node:assert');
const Marketo = require('node-marketo-rest');
const { startEmulator } = require('../mkto-emulator');

let emu;
before(async () => { emu = await startEmulator(); });
after(() => emu.stop());
beforeEach(() => emu.reset());

const client = () => new Marketo({
  endpoint: `${emu.url}/rest`,
  identity: `${emu.url}/identity`,
  clientId: emu.clientId,
  clientSecret: emu.clientSecret,
  retry: { initialDelay: 10 },
});

test('a timed-out sync is retried and succeeds', async () => {
  const rule = await emu.admin.addFault({ method: 'POST', path: '/rest/v1/leads.json', error: '604', times: 1 });

  const created = await client().lead.createOrUpdate([{ email: 'retry@example.com' }], {});

  assert.strictEqual(created.result[0].status, 'created');
  const syncs = await emu.calls({ path: '/rest/v1/leads.json' });
  assert.deepStrictEqual(syncs.map((c) => c.code), [604, null]);
  assert.strictEqual(syncs[0].fault, rule);
  assert.strictEqual((await emu.admin.fault(rule)).fired, 1);
  assert.strictEqual(syncs[1].request_headers.authorization, 'Bearer [redacted]');
});

test('an expired token is renewed', async () => {
  const m = client();
  await m.lead.describe();
  await emu.admin.advanceClock(3600);

  const described = await m.lead.describe();

  assert.ok(described.result.length > 0);
  const log = await emu.calls({ bodies: false });
  assert.deepStrictEqual(
    log.map((c) => [c.path, c.code]),
    [
      ['/identity/oauth/token', null],
      ['/rest/v1/leads/describe.json', null],
      ['/rest/v1/leads/describe.json', 602],
      ['/identity/oauth/token', null],
      ['/rest/v1/leads/describe.json', null],
    ],
  );
});
