#!/usr/bin/env node
// Probe, not part of `npm run bench -- event-store`: how much the pg_notify inside append_events costs
// concurrent writers. Three copies of our schema: as migrated; append_events without the NOTIFY; and
// without it but with a separate `SELECT pg_notify(…)` awaited after each append (the worst case of
// moving the wake-up out of the append transaction). Run: `npx node tools/bench/event-store/probes/notify-in-append.mjs`.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { compileEventStore } from '../compile.mjs';
import { openLien } from '../subjects/lien.mjs';
import { openRaw } from '../subjects/raw.mjs';
import { appendThroughput } from '../workload.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const connectionString = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const repeats = Number(process.env.BENCH_REPEATS ?? 4);
const run = `bench_es_probe_${Date.now().toString(36)}`;
const adapter = compileEventStore(root);
const admin = new pg.Pool({ connectionString, max: 2 });

async function withoutNotify(schema) {
  const { rows } = await admin.query(`SELECT pg_get_functiondef('"${schema}".append_events'::regproc) AS def`);
  const changed = rows[0].def.replace(/PERFORM pg_notify\([^;]*;/, '');
  if (changed === rows[0].def) throw new Error('append_events has no pg_notify any more: nothing to probe');
  await admin.query(changed);
}

const open = (suffix) => openLien({ adapter, connectionString, schema: `${run}_${suffix}`, applicationName: `${run}_${suffix}` });
const stores = {};
try {
  stores.asIs = await open('as_is');
  stores.noNotify = await open('no_notify');
  stores.notifyAfter = await open('notify_after');
  await withoutNotify(`${run}_no_notify`);
  await withoutNotify(`${run}_notify_after`);
  const base = stores.notifyAfter;
  stores.notifyAfter = {
    ...base,
    async append(streamName, events) {
      await base.append(streamName, events);
      await admin.query(`SELECT pg_notify('${run}_notify_after_appended', '')`);
    },
  };
  stores.raw = await openRaw({ connectionString, schema: `${run}_raw`, applicationName: `${run}_raw` });
  for (const store of Object.values(stores)) {
    await appendThroughput(store, { writers: 8, appendsPerWriter: 10, batchSize: 1, streamsPerWriter: 2, prefix: 'warm' });
  }
  const figures = {};
  for (let rep = 0; rep < repeats; rep += 1) {
    for (const [name, store] of Object.entries(stores)) {
      for (const batchSize of [1, 10]) {
        const appendsPerWriter = batchSize === 1 ? 150 : 60;
        const rate = await appendThroughput(store, { writers: 8, appendsPerWriter, batchSize, streamsPerWriter: 10, prefix: `r${rep}b${batchSize}` });
        (figures[`${name}, 8 writers x ${batchSize}`] ??= []).push(Math.round(rate));
      }
    }
  }
  for (const [name, rates] of Object.entries(figures)) console.log(`${name.padEnd(28)} events/s: ${rates.join(', ')}`);
} finally {
  for (const store of Object.values(stores)) await store.close();
  await admin.end();
}
