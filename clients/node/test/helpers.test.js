// The helpers themselves (mkto-emulator) against the real `mkto serve`: start on a free port with an admin
// token, and every admin call they wrap.
'use strict';
const { before, after, beforeEach, test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startEmulator, AdminError, EmulatorNotStarted } = require('../mkto-emulator');

let emu;
before(async () => { emu = await startEmulator(); });
after(() => emu.stop());
beforeEach(() => emu.reset());

async function token() {
  const url = `${emu.identityUrl}/oauth/token?grant_type=client_credentials`
    + `&client_id=${emu.clientId}&client_secret=${emu.clientSecret}`;
  return (await (await fetch(url)).json()).access_token;
}

async function get(p, tok) {
  return (await fetch(emu.url + p, { headers: { authorization: `Bearer ${tok}` } })).json();
}

test('started on loopback with an admin token that every call needs', async () => {
  assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(emu.adminToken);
  assert.ok(!JSON.stringify(emu).includes(emu.adminToken));
  assert.deepStrictEqual(await emu.admin.health(), { status: 'ok' });
  assert.strictEqual((await fetch(`${emu.adminUrl}/health`)).status, 401);
  const page = await (await fetch(emu.uiUrl)).text();
  assert.ok(page.includes('<html') && !page.includes(emu.adminToken));
});

test('fault rules by id', async () => {
  const [a, b] = await emu.admin.addFaults([
    { path: '/rest/v1/lead/*', error: '608' },
    { path: '/rest/v1/leads.json', http_status: 502, times: 2 },
  ]);
  assert.strictEqual((await emu.admin.removeFault(a)).id, a);
  assert.deepStrictEqual((await emu.admin.faults()).map((f) => f.id), [b]);
  await assert.rejects(emu.admin.fault(a), (e) => e instanceof AdminError && e.status === 404);
  await assert.rejects(emu.admin.addFault({ path: '*', error: '9999' }), (e) => e.status === 400 && /catalogue/.test(e.reason));
  await emu.admin.clearFaults();
  assert.deepStrictEqual(await emu.admin.faults(), []);
});

test('clock, usage, the request log and its tail', async () => {
  const tok = await token();
  const tail = await emu.admin.tail({ path: '/rest/' });
  assert.ok((await get('/rest/v1/leads/describe.json', tok)).success);
  const seen = (await tail.next()).value;
  await tail.close();
  assert.strictEqual(seen.path, '/rest/v1/leads/describe.json');
  assert.strictEqual((await emu.admin.usage()).today, 1);
  const waited = await emu.admin.waitForCall({ path: 'describe' });
  assert.strictEqual(waited.id, seen.id);
  assert.ok(!JSON.stringify(await emu.calls()).includes(tok));
  assert.strictEqual((await emu.admin.lastCall({ path: 'describe' })).id, seen.id);
  assert.strictEqual((await emu.admin.getCall(seen.id)).request_id, seen.request_id);

  const before = await emu.admin.now();
  assert.ok((await emu.admin.advanceClock(3600)) > before);
  assert.strictEqual((await get('/rest/v1/leads/describe.json', tok)).errors[0].code, '602');
  assert.deepStrictEqual((await emu.calls({ code: [602, 606] })).map((c) => c.code), [602]);
  await emu.admin.clearCalls();
  assert.deepStrictEqual(await emu.calls(), []);
});

test('data, seed and reset between tests', async () => {
  await emu.seed({ leads: [{ email: 'ann@example.com' }], lists: [{ id: 7, name: 'Seven' }] });
  assert.strictEqual((await emu.admin.data()).leads, 1);
  assert.strictEqual((await emu.admin.data('leads', { email: 'ANN' })).items[0].email, 'ann@example.com');
  assert.strictEqual((await emu.admin.data('lists')).items[0].members, 0);
  await emu.reset();
  assert.strictEqual((await emu.admin.data()).leads, 0);
});

test('scenarios through the API, a scenario file at start, and a failed start', async () => {
  const report = await emu.admin.loadScenario({ seed: { lists: [{ id: 7, name: 'Seven' }] } });
  assert.deepStrictEqual(report.lists, [7]);
  try {
    assert.deepStrictEqual((await emu.reset()).lists, [7]);
    await emu.reset('empty');
    assert.strictEqual((await emu.admin.data()).lists, 0);
  } finally {
    await emu.admin.forgetScenario();
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkto-emulator-'));
  const file = path.join(dir, 'scenario.json');
  fs.writeFileSync(file, JSON.stringify({ seed: { leads: [{ email: 's@example.com' }] } }));
  const other = await startEmulator({ scenario: file, adminToken: false });
  try {
    assert.strictEqual(other.adminToken, null);
    assert.strictEqual((await other.admin.data('leads')).items[0].email, 's@example.com');
  } finally {
    await other.stop();
  }
  fs.writeFileSync(file, JSON.stringify({ faults: [{ path: '*', error: '9999' }] }));
  await assert.rejects(startEmulator({ scenario: file }), (e) => e instanceof EmulatorNotStarted && /9999/.test(e.message));
  fs.rmSync(dir, { recursive: true });
});
