#!/usr/bin/env node
// `npm run bench -- <name> [args…]` runs tools/bench/<name>.mjs with the remaining arguments, on the
// same Node. Without a name (or an unknown one) it lists the benchmarks there are.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith('.mjs') && file !== 'run.mjs')
  .map((file) => file.slice(0, -'.mjs'.length));
const [name, ...args] = process.argv.slice(2);

if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(join(here, `${name}.mjs`))) {
  console.error(`${name ? `No benchmark named "${name}". ` : ''}Usage: npm run bench -- <name> [args…]; names: ${available.join(', ')}`);
  process.exit(2);
}

const child = spawnSync(process.execPath, [join(here, `${name}.mjs`), ...args], { stdio: 'inherit' });
if (child.error) throw child.error;
process.exit(child.status ?? 1);
