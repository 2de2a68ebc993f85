#!/usr/bin/env node
// `npm run start:services`: each service in its own process, as Kubernetes runs them (ports 3001–3004).
// PGlite (persisted in LIEN_DATA_DIR, default .lien) is served on loopback when DATABASE_URL is not set.
// Without KAFKA_BROKERS contracts do not flow between the processes: `npm start` (one process) is the
// embedded default; this launcher is for trying the separate processes, normally on the real parts.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres, StartupError } from './embedded-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVICES = ['referrals', 'sessions', 'assessments', 'reporting'];
const basePort = Number(process.env.LIEN_BASE_PORT ?? 3001);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.LIEN_DATA_DIR ?? join(root, '.lien'));

function fail(message) {
  console.error(`lien: ${message}`);
  process.exit(2);
}

function portIsFree(port) {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen(port, host, () => server.close(() => resolvePromise(true)));
  });
}

async function main() {
  if (!process.env.DATABASE_URL && (process.env.KAFKA_BROKERS || process.env.KURRENTDB_URL)) {
    fail('KAFKA_BROKERS or KURRENTDB_URL is set without DATABASE_URL: give all the real parts, or none for the embedded default');
  }
  for (const [index] of SERVICES.entries()) {
    if (!(await portIsFree(basePort + index))) fail(`port ${basePort + index} on ${host} is already in use; set LIEN_BASE_PORT to another first port`);
  }
  console.log('lien: building…');
  execFileSync(process.execPath, [join(root, 'tools/build/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  let embedded;
  if (!process.env.DATABASE_URL) {
    console.log(`lien: starting embedded PostgreSQL (PGlite) in ${dataDir}…`);
    embedded = await startEmbeddedPostgres(dataDir);
  }
  const env = { ...process.env, HOST: host, LIEN_DATA_DIR: dataDir, ...(embedded ? { DATABASE_URL: embedded.url, EVENT_STORE_DATABASE_URL: embedded.eventStoreUrl } : {}) };
  const children = SERVICES.map((name, index) =>
    spawn(process.execPath, [join(root, `dist/apps/${name}/src/main.js`)], { cwd: root, stdio: 'inherit', env: { ...env, PORT: String(basePort + index) } }),
  );
  let stopping = false;
  const stopAll = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    children.forEach((child) => child.kill('SIGTERM'));
    await Promise.all(children.map((child) => (child.exitCode !== null ? undefined : new Promise((r) => child.once('exit', r)))));
    await embedded?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  children.forEach((child, index) =>
    child.on('exit', (code) => {
      if (!stopping && code !== 0) {
        console.error(`lien: ${SERVICES[index]} exited with ${code}; stopping the others`);
        void stopAll(1);
      }
    }),
  );
  SERVICES.forEach((name, index) => console.log(`lien: ${name} → http://${host}:${basePort + index}/api/docs`));
  console.log(`lien: demo token: curl -s -X POST http://${host}:${basePort}/dev/login -H 'content-type: application/json' \\
  -d '{"userId":"demo-coordinatrice","roles":["coordinator"],"districts":["luxembourg"]}'`);
}

main().catch((error) => fail(error instanceof StartupError ? error.message : `start failed: ${error?.message ?? error}`));
