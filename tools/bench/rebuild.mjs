#!/usr/bin/env node
// `npm run bench -- rebuild`: rebuild of the reporting read model of one district from its event store
// (the auditor CLI's `rebuild`, apps/audit-cli/src/rebuild), against two baselines measured in the same
// run: reading the same log without projecting, and the live consumer's way of writing (one TypeORM
// upsert per contract, in its own district-scoped transaction) on a sample. BENCH_EVENTS (default
// 200,000) referral events are seeded first, through the store's own append.
import '../ts-run/register.mjs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describeMachine, machineLine } from './event-store/machine.mjs';

// The TypeScript is transpiled to CommonJS on load: its exports come as the module's default.
const load = async (specifier) => (await import(specifier)).default;
const { PostgresEventStore } = await load('@lien/shared-event-store-postgres');
const { openReportingDatabase, projectContract } = await load('@lien/reporting-application');
const { DistrictScopedDatabase } = await load('@lien/shared-read-model');
const { referralEventCodec } = await load('@lien/referrals-application');
const { ReportingRebuild } = await load('../../apps/audit-cli/src/rebuild/reporting-rebuild.ts');
const { contractOf, REPORTING_SOURCES } = await load('../../apps/audit-cli/src/rebuild/reporting-sources.ts');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const connectionString = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const total = Number(process.env.BENCH_EVENTS ?? 200_000);
const SAMPLE = Math.min(5_000, total);
const WRITERS = 4;
const district = 'bench';
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (n, s) => `${Math.round(n / s).toLocaleString('en')} events/s`;

/** A referral's life as the referrals service stores it: 2 to 4 events, of which the reporting counts each. */
function referralLife(n) {
  const referralId = randomUUID();
  const caseId = randomUUID();
  const child = randomUUID();
  const mandate = { mandantType: 'FAMILY_COURT', reference: '25/1234/A', decisionDate: '2026-02-20', legalBasis: 'CONSTRAINED', modalities: [], reportDeadlines: [] };
  const registered = { type: 'ReferralRegistered', referralId, division: 'arlon', mandate, children: [{ personId: child, firstName: 'Zoé', lastName: 'Fictive', birthDate: '2017-05-04' }], adults: [], protectiveMeasures: [] };
  if (n % 3 === 0) return { referralId, events: [registered, { type: 'ReferralDeclined', referralId, reason: 'OTHER_SERVICE_BETTER_PLACED', note: 'ailleurs' }] };
  const opened = { type: 'CaseOpened', referralId, caseId, mandantType: 'FAMILY_COURT', legalBasis: 'CONSTRAINED', division: 'arlon', childIds: [child], adultIds: [], adultRoles: [], protectiveMeasures: [], supervisedContactAllowed: true };
  const life = [registered, { type: 'ReferralAccepted', referralId, caseId, mode: 'BY_COORDINATOR' }, opened];
  if (n % 3 === 1) life.push({ type: 'CaseClosed', referralId, caseId, outcome: 'BOND_RESUMED', note: 'fin' });
  return { referralId, events: life };
}

async function seed(store) {
  let appended = 0;
  let n = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (appended < total) {
        const { referralId, events } = referralLife(n++);
        const life = events.slice(0, total - appended);
        appended += life.length;
        const metadata = { district, correlationId: randomUUID(), causationId: randomUUID(), actor: { userId: 'bench', role: 'coordinator' }, occurredAt: '2026-01-01T00:00:00.000Z' };
        await store.append(`referral-${referralId}`, life.map((e) => ({ ...referralEventCodec.encode(e), metadata })), { expectedRevision: 'no-stream' });
      }
    }),
  );
  return total / seconds(started);
}

async function readOnly(store) {
  const started = process.hrtime.bigint();
  let after = '';
  for (;;) {
    const page = await store.readAll({ after, maxCount: 5000, filter: { districts: [district], categories: ['referral'] } });
    after = page.checkpoint;
    if (page.isEnd || page.events.length === 0) break;
  }
  return seconds(started);
}

/** The live consumer's write path on the first SAMPLE events: one upsert and one transaction per contract. */
async function perEvent(store, database) {
  const { events } = await store.readAll({ maxCount: SAMPLE, filter: { districts: [district], categories: ['referral'] } });
  const source = REPORTING_SOURCES[0];
  const started = process.hrtime.bigint();
  for (const event of events) {
    const contract = contractOf(source, event);
    if (contract) await database.inDistrict(district, (manager) => projectContract(manager, contract));
  }
  return { count: events.length, seconds: seconds(started) };
}

async function main() {
  const id = randomUUID().replace(/-/g, '').slice(0, 8);
  const eventSchema = `bench_rb_${id}_events`;
  const liveSchema = `bench_rb_${id}_read`;
  const sampleSchema = `bench_rb_${id}_sample`;
  const machine = await describeMachine(connectionString);
  const store = await PostgresEventStore.connect({ connection: { connectionString, max: 10 }, schema: eventSchema });
  const live = await openReportingDatabase(connectionString, liveSchema);
  const sample = await openReportingDatabase(connectionString, sampleSchema);
  const pool = new pg.Pool({ connectionString, max: 3 });
  try {
    console.log(`seeding ${total} events…`);
    const seedRate = await seed(store);
    const readSeconds = await readOnly(store);
    const consumer = await perEvent(store, new DistrictScopedDatabase(sample));
    const rebuild = new ReportingRebuild({ pool, liveSchema, district, stores: new Map([['referrals', store]]) });
    await rebuild.prepare(true);
    let started = process.hrtime.bigint();
    const rebuilt = await rebuild.runToHead();
    const rebuildSeconds = seconds(started);
    if (rebuilt !== total) throw new Error(`the rebuild read ${rebuilt} events, not ${total}`);
    started = process.hrtime.bigint();
    await rebuild.switchOver();
    const switchSeconds = seconds(started);
    const rows = (await pool.query(`SELECT (SELECT count(*) FROM ${liveSchema}.referrals) + (SELECT count(*) FROM ${liveSchema}.cases) AS n`)).rows[0].n;

    const table = [
      '| Measurement | Result | Ratio | Target |',
      '|---|--:|--:|---|',
      `| Seed (store appends, ${WRITERS} writers, one referral's life per append) | ${Math.round(seedRate).toLocaleString('en')} events/s |  |  |`,
      `| Baseline: read the district's log, no projection | ${readSeconds.toFixed(1)} s (${rate(total, readSeconds)}) | 1.00× |  |`,
      `| Live consumer's write path (one upsert + transaction per contract), first ${consumer.count.toLocaleString('en')} events | ${consumer.seconds.toFixed(1)} s (${rate(consumer.count, consumer.seconds)}) | ${((consumer.seconds / consumer.count) / (readSeconds / total)).toFixed(1)}× the read time per event |  |`,
      `| Rebuild of ${total.toLocaleString('en')} events into a fresh schema (batched, checkpointed per page) | ${rebuildSeconds.toFixed(1)} s (${rate(total, rebuildSeconds)}) | ${(rebuildSeconds / readSeconds).toFixed(2)}× the read time | ≥ 5,000 events/s: ${total / rebuildSeconds >= 5000 ? 'yes' : '**no**'} |`,
      `| Switch-over of the district (${Number(rows).toLocaleString('en')} rows copied in one transaction) | ${switchSeconds.toFixed(2)} s |  |  |`,
    ].join('\n');
    console.log(table);
    const section = `## Projection rebuild\n\nCommand: \`npm run bench -- rebuild\` (\`tools/bench/rebuild.mjs\`; \`BENCH_EVENTS\`, default 200,000; \`DATABASE_URL\`). Referral events only (the reporting read model's referrals and cases tables); the seeded events keep their personal-data marks unsealed, which the rebuild never reads.\n\n${machineLine(machine)}\nLoad average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' / ')}.\n\n${table}\n`;
    writeSection(join(root, 'docs/benchmarks.md'), 'Projection rebuild', section);
  } finally {
    await store.close();
    await live.destroy();
    await sample.destroy();
    for (const schema of [eventSchema, liveSchema, sampleSchema, `${liveSchema}_rb_${district}`]) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }
}

export function writeSection(file, title, section) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const heading = new RegExp(`^## ${title}\\s*$`, 'm');
  const start = current.search(heading);
  if (start === -1) return writeFileSync(file, `${current.replace(/\n*$/, '\n\n')}${section}`);
  const rest = current.slice(start + 1);
  const after = rest.search(/^## /m);
  writeFileSync(file, current.slice(0, start) + section + (after === -1 ? '' : `\n${rest.slice(after)}`));
}

await main();
