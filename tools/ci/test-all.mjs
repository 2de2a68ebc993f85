#!/usr/bin/env node
// The one test command (README, `npm test`, .ci/run): real PostgreSQL and a real Kafka broker are
// started here if absent, every check runs, everything started is stopped, and a summary closes.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.CI ? '0' : '1' };
const results = [];
const cleanups = [];
// Suites that cannot run here (KurrentDB without KURRENTDB_URL) append one line each; never counted as passed.
const notRunReport = join(root, 'reports/not-run.txt');

function run(label, command, args, { capture = false, envOverride } = {}) {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: root, env: envOverride ?? env, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      results.push({ label, ok: code === 0, seconds });
      resolvePromise({ ok: code === 0, stdout });
    });
  });
}

function exportedValue(stdout, name) {
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith(`${name}=`));
  return line?.slice(name.length + 1);
}

/** Optional, for laptops with Docker: PostgreSQL and Kafka in containers held by a child process. */
function startContainers() {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ['tools/infra/testcontainers.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const databaseUrl = exportedValue(stdout, 'DATABASE_URL');
      const brokers = exportedValue(stdout, 'KAFKA_BROKERS');
      if (databaseUrl && brokers) {
        Object.assign(env, { DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers });
        results.push({ label: 'containers ready', ok: true, seconds: '-' });
        resolvePromise(true);
      }
    });
    child.once('exit', () => {
      results.push({ label: 'containers ready', ok: false, seconds: '-' });
      resolvePromise(false);
    });
  });
}

async function startInfrastructure() {
  if (!(await run('system packages', 'bash', ['tools/infra/system-packages.sh'])).ok) return false;
  if (process.env.LIEN_INFRA === 'testcontainers') return startContainers();
  const pg = await run('postgres ready', 'bash', ['tools/infra/postgres.sh'], { capture: true });
  if (!pg.ok) return false;
  env.DATABASE_URL = exportedValue(pg.stdout, 'DATABASE_URL');
  if (!process.env.KAFKA_BROKERS) {
    // Stopped with the environment it was started with: once KAFKA_BROKERS is exported below,
    // kafka.sh would take the broker for an external one and leave it running.
    const startEnv = { ...env };
    cleanups.push(async () => {
      await run('kafka stopped', 'bash', ['tools/infra/kafka.sh', 'stop'], { envOverride: startEnv });
      const left = await run('kafka left running (expected: no)', 'bash', ['tools/infra/kafka.sh', 'status'], { envOverride: startEnv, capture: true });
      // `status` succeeds only when a broker still answers: that is the failure here.
      results[results.length - 1] = { ...results[results.length - 1], label: 'nothing left running', ok: !left.ok };
    });
  }
  const kafka = await run('kafka ready', 'bash', ['tools/infra/kafka.sh', 'start'], { capture: true });
  if (!kafka.ok) return false;
  env.KAFKA_BROKERS = exportedValue(kafka.stdout, 'KAFKA_BROKERS');
  return true;
}

async function cleanup() {
  while (cleanups.length) await cleanups.pop()();
}

function jestCounts() {
  const file = join(root, 'reports/jest/results.json');
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

async function main() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      await cleanup();
      process.exit(130);
    });
  }
  mkdirSync(join(root, 'reports/jest'), { recursive: true });
  rmSync(notRunReport, { force: true });
  await run('node version', process.execPath, ['-e', 'console.log(`node ${process.version}`)']);
  let ok = (await run('project graph', 'npx', ['nx', 'show', 'projects'])).ok;
  ok = (await run('project tags', process.execPath, ['tools/checks/project-tags.mjs'])).ok && ok;
  ok = (await run('lint', 'npx', ['eslint', '.', '--max-warnings=0'])).ok && ok;
  ok = (await run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])).ok && ok;
  try {
    if (await startInfrastructure()) {
      // PGlite loads its WebAssembly parts with dynamic import(), which Jest allows only under this flag.
      env.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ');
      const jestArgs = ['jest', '--ci', '--json', '--outputFile=reports/jest/results.json', '--maxWorkers=2'];
      ok = (await run('tests (unit + integration)', 'npx', jestArgs)).ok && ok;
    } else {
      ok = false;
    }
  } finally {
    await cleanup();
  }
  const counts = jestCounts();
  console.log('\n== Lien test summary ==');
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.label} (${r.seconds} s)`);
  if (!counts || counts.passed === 0) ok = false;
  // Every step counts, the clean-up ones too (a broker left running fails the run).
  if (results.some((r) => !r.ok)) ok = false;
  const skipped = counts?.skipped ? `, ${counts.skipped} skipped` : '';
  console.log(`${counts?.passed ?? 0} passed, ${counts?.failed ?? 0} failed${skipped}`);
  const notRun = existsSync(notRunReport) ? readFileSync(notRunReport, 'utf8').split('\n').filter(Boolean) : [];
  if (notRun.length > 0) console.log(`not run:\n${notRun.map((line) => `  ${line}`).join('\n')}`);
  process.exit(ok ? 0 : 1);
}

void main();
