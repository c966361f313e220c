// Start `mkto serve` for the tests: one emulator per test file, reset between tests.
'use strict';
const { spawn } = require('node:child_process');
const readline = require('node:readline');

async function startEmulator() {
  const bin = process.env.MKTO_BIN || 'mkto';
  const proc = spawn(bin, ['serve', '--addr', '127.0.0.1:0', '--in-memory', '--print-json'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lines = readline.createInterface({ input: proc.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`mkto serve exited with ${code} before it listened`)));
  });
  const info = JSON.parse(first);
  const admin = async (path, body) => {
    const res = await fetch(info.admin_url + path, {
      method: body === undefined ? 'GET' : 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.json();
  };
  return {
    ...info,
    reset: () => admin('/reset', {}),
    seed: (doc) => admin('/seed', doc),
    calls: () => admin('/calls'),
    stop: () => new Promise((resolve) => { proc.once('exit', resolve); proc.kill('SIGTERM'); }),
  };
}

module.exports = { startEmulator };
