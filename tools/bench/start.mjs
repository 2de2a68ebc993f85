#!/usr/bin/env node
// `npm run bench -- start`: how long `npm start` takes to answer ready with data already present, and
// the resident memory of its one process. Seeds a fresh data folder first (the demo districts), stops,
// then starts again N times (default 3) on that data; prints each start's seconds and peak RSS.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.argv[2] ?? 3);
const port = String(3900 + Math.floor(Math.random() * 90));
const dataDir = mkdtempSync(join(tmpdir(), 'lien-bench-start-'));

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Starts the platform, resolves when the line matching `until` appears, then samples RSS for `holdMs`. */
function startOnce(until, holdMs) {
  const { DATABASE_URL: _d, KAFKA_BROKERS: _k, KURRENTDB_URL: _u, ...env } = process.env;
  const began = Date.now();
  const child = spawn(process.execPath, [join(root, 'tools/start/start.mjs')], { cwd: root, env: { ...env, PORT: port, LIEN_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(child.pid))), 200);
  return new Promise((resolvePromise, reject) => {
    let text = '';
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${until}`)));
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (!until.test(text)) return;
      const seconds = (Date.now() - began) / 1000;
      setTimeout(() => {
        clearInterval(sampler);
        child.removeAllListeners('exit');
        child.once('exit', () => resolvePromise({ seconds, peakMiB: Math.round(peak) }));
        child.kill('SIGTERM');
      }, holdMs);
    });
  });
}

try {
  const seeded = await startOnce(/seed complete/, 2000);
  console.log(`first start with the demo seed: ${seeded.seconds.toFixed(1)} s to seed completion, peak RSS ${seeded.peakMiB} MiB`);
  for (let i = 1; i <= runs; i += 1) {
    const run = await startOnce(/lien: ready on/, 5000);
    console.log(`start ${i} with data present: ready after ${run.seconds.toFixed(1)} s, peak RSS ${run.peakMiB} MiB`);
  }
  console.log(`machine: ${loadavg().map((l) => l.toFixed(2)).join(' ')} load average`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
