#!/usr/bin/env node
// `npm run bench -- audit`: verification of a district's log (every hash chain recomputed, Merkle root),
// inclusion proofs, against a baseline measured in the same run: reading the same log without verifying.
// BENCH_EVENTS (default 1,000,000) events are seeded first through the store's own append.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { compileLibraries } from './event-store/compile.mjs';
import { describeMachine, machineLine } from './event-store/machine.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const connectionString = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const total = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PER_APPEND = 500;
const WRITERS = 4;
const district = 'bench';

const libs = compileLibraries(root, ['@lien/shared-event-store-postgres', '@lien/shared-audit'], 'bench-audit');
const { PostgresEventStore } = libs['@lien/shared-event-store-postgres'];
const { verifyDistrict, leafHash, inclusionProof, verifyInclusion, merkleRoot } = libs['@lien/shared-audit'];

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const metadata = { district, correlationId: randomUUID(), causationId: randomUUID(), actor: { userId: 'bench', role: 'practitioner' }, occurredAt: '2026-01-01T00:00:00.000Z' };

async function seed(store) {
  let appended = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (appended < total) {
        const n = Math.min(PER_APPEND, total - appended);
        appended += n;
        const events = Array.from({ length: n }, (_, i) => ({ type: 'bench.Observed.v1', data: { i, note: 'observation factuelle, neutre et datée' }, metadata }));
        await store.append(`case-${randomUUID()}`, events, { expectedRevision: 'no-stream' });
      }
    }),
  );
  return total / seconds(started);
}

async function readOnly(store) {
  const started = process.hrtime.bigint();
  let after = '';
  let count = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 2000, filter: { districts: [district] } });
    count += page.events.length;
    after = page.checkpoint;
    if (page.isEnd || page.events.length === 0) break;
  }
  return { count, seconds: seconds(started) };
}

async function main() {
  const schema = `bench_audit_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  const machine = await describeMachine(connectionString);
  const store = await PostgresEventStore.connect({ connection: { connectionString, max: 10 }, schema });
  try {
    console.log(`seeding ${total} events…`);
    const seedRate = await seed(store);
    const baseline = await readOnly(store);
    // Both ways in the same run: hashing in this thread (the default on 2 cores) and in 2 worker threads.
    let started = process.hrtime.bigint();
    const workers = await verifyDistrict(store, district, { workers: 2 });
    const workersSeconds = seconds(started);
    started = process.hrtime.bigint();
    const verification = await verifyDistrict(store, district);
    const verifySeconds = seconds(started);
    if (verification.eventsChecked !== total || verification.breaks.length) throw new Error('verification did not see an intact log');
    if (verification.root !== workers.root) throw new Error('the parallel verification found another root');

    const leaves = [];
    let after = '';
    for (;;) {
      const page = await store.readAll({ after, maxCount: 5000, filter: { districts: [district] } });
      for (const e of page.events) leaves.push(leafHash(Buffer.from(e.hash, 'hex')));
      after = page.checkpoint;
      if (page.isEnd || page.events.length === 0) break;
    }
    const sealedRoot = merkleRoot(leaves);
    const index = Math.floor(total / 3);
    started = process.hrtime.bigint();
    const proof = inclusionProof(leaves, index);
    const proveMs = seconds(started) * 1000;
    const rounds = 2000;
    started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i += 1) if (!verifyInclusion(leaves[index], index, total, proof, sealedRoot)) throw new Error('proof failed');
    const verifyProofMs = (seconds(started) * 1000) / rounds;
    const proofBytes = proof.length * 32;

    const rows = [
      ['Seed (store appends, 4 writers × 500 events)', `${Math.round(seedRate).toLocaleString('en')} events/s`, '', ''],
      ['Baseline: read the district log, no verification', `${baseline.seconds.toFixed(1)} s (${Math.round(baseline.count / baseline.seconds).toLocaleString('en')} events/s)`, '1.00×', ''],
      [`Verify ${total.toLocaleString('en')} events (chains + Merkle root), default: hashing in this thread while the next page of 5,000 is read`, `${verifySeconds.toFixed(1)} s (${Math.round(total / verifySeconds).toLocaleString('en')} events/s)`, `${(verifySeconds / baseline.seconds).toFixed(2)}× the read time`, `≤ 60 s for 1,000,000: ${(verifySeconds * 1_000_000) / total <= 60 ? 'yes' : '**no**'} (${((verifySeconds * 1_000_000) / total).toFixed(0)} s ${total === 1_000_000 ? 'measured' : 'extrapolated'})`],
      [`Verify ${total.toLocaleString('en')} events, hashing in 2 worker threads`, `${workersSeconds.toFixed(1)} s (${Math.round(total / workersSeconds).toLocaleString('en')} events/s)`, `${(workersSeconds / baseline.seconds).toFixed(2)}× the read time`, ''],
      ['Inclusion proof size', `${proofBytes} bytes (${proof.length} hashes)`, '', `≤ 1 KB: ${proofBytes <= 1024 ? 'yes' : '**no**'}`],
      ['Inclusion proof verification', `${(verifyProofMs * 1000).toFixed(1)} µs`, '', `< 1 ms: ${verifyProofMs < 1 ? 'yes' : '**no**'}`],
      ['Inclusion proof generation (from the leaf hashes in memory)', `${proveMs.toFixed(0)} ms`, '', ''],
    ];
    const table = ['| Measurement | Result | Ratio to baseline | Target |', '|---|--:|--:|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
    console.log(table);
    const section = `## Audit\n\nCommand: \`npm run bench -- audit\` (\`tools/bench/audit.mjs\`; \`BENCH_EVENTS\`, default 1,000,000; \`DATABASE_URL\`).\n\n${machineLine(machine)}\nLoad average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' / ')}.\n\n${table}\n\nProjection rebuild speed: see "Projection rebuild" (\`npm run bench -- rebuild\`).\n`;
    writeSection(join(root, 'docs/benchmarks.md'), section);
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

function writeSection(file, section) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.search(/^## Audit\s*$/m);
  if (start === -1) return writeFileSync(file, `${current.replace(/\n*$/, '\n\n')}${section}`);
  const rest = current.slice(start + 1);
  const after = rest.search(/^## /m);
  writeFileSync(file, current.slice(0, start) + section + (after === -1 ? '' : `\n${rest.slice(after)}`));
}

await main();
