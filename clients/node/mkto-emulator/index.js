// Start `mkto serve` on a free loopback port for a test suite (node:test, Jest, Vitest: any runner with
// before/after hooks) and drive it through its admin API. No dependencies: Node 18+ (fetch, streams).
//
//   const { startEmulator } = require('mkto-emulator');
//   let emu;
//   before(async () => { emu = await startEmulator(); });   // beforeAll in Jest and Vitest
//   after(() => emu.stop());                                // afterAll
//   beforeEach(() => emu.reset());
'use strict';
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const readline = require('node:readline');
const { AdminClient, AdminError } = require('./admin');

class EmulatorNotStarted extends Error {}

/**
 * Start `mkto serve --addr 127.0.0.1:0 --in-memory --print-json` and wait for its start line.
 *
 * Options: `bin` (default `$MKTO_BIN`, else `mkto` on PATH), `args` (more flags), `adminToken` (default: a
 * fresh random one, given to the process through `MKTO_ADMIN_TOKEN`, never on its command line; `false` for
 * none), `scenario` and `config` (file paths), `env`, `timeoutMs` (to wait for the start line, default 30 s).
 */
async function startEmulator(options = {}) {
  const bin = options.bin || process.env.MKTO_BIN || 'mkto';
  const adminToken = options.adminToken === undefined
    ? crypto.randomBytes(18).toString('base64url')
    : options.adminToken;
  const args = ['serve', '--addr', '127.0.0.1:0', '--in-memory', '--print-json'];
  if (options.scenario) args.push('--scenario', String(options.scenario));
  if (options.config) args.push('--config', String(options.config));
  args.push(...(options.args || []));
  const env = { ...(options.env || process.env) };
  delete env.MKTO_ADMIN_TOKEN;
  if (adminToken) env.MKTO_ADMIN_TOKEN = adminToken;
  const proc = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-8192); });
  const lines = readline.createInterface({ input: proc.stdout });
  const timeoutMs = options.timeoutMs || 30000;
  let timer;
  const first = await new Promise((resolve, reject) => {
    const fail = (why) => {
      proc.kill('SIGKILL');
      reject(new EmulatorNotStarted(`mkto serve did not start (${why}): ${stderr.trim() || 'no output'}`));
    };
    lines.once('line', resolve);
    proc.once('error', (e) => reject(new EmulatorNotStarted(`cannot run ${bin}: ${e.message}`)));
    proc.once('exit', (code) => setImmediate(() => fail(`exit ${code}`)));
    timer = setTimeout(() => fail(`no start line in ${timeoutMs} ms`), timeoutMs);
  }).finally(() => clearTimeout(timer));
  proc.removeAllListeners('exit');
  let info;
  try {
    info = JSON.parse(first);
  } catch (e) {
    proc.kill('SIGKILL');
    throw new EmulatorNotStarted(`mkto serve printed ${JSON.stringify(first)} instead of its JSON start line`);
  }
  return new Emulator(proc, info, adminToken || null);
}

/** A running `mkto serve`: its URLs and credentials, `admin` (an AdminClient), and shortcuts. */
class Emulator {
  constructor(proc, info, adminToken) {
    this.info = info;
    this.url = info.url;
    this.identityUrl = info.identity_url;
    this.adminUrl = info.admin_url;
    this.uiUrl = info.ui_url || `${info.admin_url}/ui`;
    this.clientId = info.client_id;
    this.clientSecret = info.client_secret;
    this.pid = info.pid;
    this.admin = new AdminClient(this.adminUrl, adminToken);
    Object.defineProperty(this, 'adminToken', { value: adminToken, enumerable: false });
    Object.defineProperty(this, 'proc', { value: proc, enumerable: false });
  }

  /** Back to the baseline (the config's seed and faults, the loaded scenario), or `reset('empty')`. */
  reset(to) { return this.admin.reset(to); }

  /** Load leads and lists. */
  seed(doc) { return this.admin.seed(doc); }

  /** The request log (filters: path, code, method, since, after, limit, bodies). */
  calls(filters) { return this.admin.calls(filters); }

  /** Stop it: SIGTERM, then SIGKILL after `timeoutMs`. */
  stop(timeoutMs = 10000) {
    const proc = this.proc;
    if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      proc.once('exit', () => { clearTimeout(timer); resolve(); });
      proc.kill('SIGTERM');
    });
  }
}

module.exports = { startEmulator, Emulator, AdminClient, AdminError, EmulatorNotStarted };
