#!/usr/bin/env node
// `npm start`: the whole platform in ONE Node process (apps/lien): the four services on one port, their
// contracts on the in-process transport, their event stores and read models on embedded PostgreSQL
// (PGlite, persisted in LIEN_DATA_DIR, default .lien). With DATABASE_URL (and KAFKA_BROKERS,
// KURRENTDB_URL) the same process runs on the real parts. `npm run start:services` runs one process per service.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entry = join(root, 'dist/apps/lien/src/main.js');
const stamp = join(root, 'dist/.built-at');

/** Newest modification time under a folder, skipping what the build does not read. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds only when a source changed since the last build: a second start goes straight to the platform. */
function buildIfStale() {
  const sources = Math.max(newest(join(root, 'apps')), newest(join(root, 'libs')), statSync(join(root, 'tsconfig.base.json')).mtimeMs);
  if (existsSync(entry) && existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  process.stdout.write('lien: building…\n');
  try {
    execFileSync(process.execPath, [join(root, 'tools/build/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    process.stderr.write('lien: the build failed (see above)\n');
    process.exit(2);
  }
  writeFileSync(stamp, new Date().toISOString());
}

buildIfStale();
// The services read config/ from the working directory.
process.chdir(root);
await import(entry);
