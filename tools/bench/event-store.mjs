#!/usr/bin/env node
// The event-store benchmark: our PostgreSQL adapter against its ceiling (raw `pg` INSERTs of the same
// rows) and a peer (Emmett's PostgreSQL event store), interleaved in one process against one server.
// One command: `npm run bench -- event-store`. Writes the "Event store" section of docs/benchmarks.md.
// `--no-docs` only prints. Env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), BENCH_REPEATS (5), BENCH_EVENTS (100000).
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileEventStore } from './event-store/compile.mjs';
import { openCpuMeter } from './event-store/cpu.mjs';
import { describeMachine, machineLine } from './event-store/machine.mjs';
import { cpuTable, eventStoreSection, integrityLines, limitNotes, METRICS, resultTable, SUBJECTS, writeSection } from './event-store/report.mjs';
import { openEmmett } from './event-store/subjects/emmett.mjs';
import { dropSchema, openLien } from './event-store/subjects/lien.mjs';
import { openRaw } from './event-store/subjects/raw.mjs';
import { appendLatency, appendThroughput, fillTo, readRate } from './event-store/workload.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const connectionString = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const config = {
  events: Number(process.env.BENCH_EVENTS ?? 100000),
  latencyAppends: 2000,
  latencyStreams: 100,
  streamsPerWriter: 10,
  appends1: 250,
  appends10: 100,
};
const run = `bench_es_${Date.now().toString(36)}`;

function log(message) {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

/** Every repetition runs the stores in a different order, so a burst of outside load does not always hit the same one. */
function rotated(list, by) {
  return list.map((_, i) => list[(i + by) % list.length]);
}

async function openSubjects() {
  log('compiling the event-store libraries (production SWC settings)');
  const adapter = compileEventStore(root);
  const subjects = {};
  try {
    subjects.raw = await openRaw({ connectionString, schema: `${run}_raw`, applicationName: `${run}_raw` });
    subjects.lien = await openLien({ adapter, connectionString, schema: `${run}_lien`, applicationName: `${run}_lien` });
    subjects.emmett = await openEmmett({ connectionString, schema: `${run}_emmett`, applicationName: `${run}_emmett` });
  } catch (error) {
    await closeSubjects(subjects);
    // A store that failed half-way may have left its schema behind.
    for (const suffix of ['raw', 'lien', 'emmett']) await dropSchema(connectionString, `${run}_${suffix}`).catch(() => undefined);
    throw error;
  }
  return subjects;
}

async function closeSubjects(subjects) {
  for (const subject of Object.values(subjects)) {
    await subject.close().catch((error) => log(`cleanup of ${subject.name} failed: ${error.message}`));
  }
}

/** Runs one measurement and records its figures and its CPU cost per event (Node, PostgreSQL backends). */
async function measured(results, meter, key, subject, cpuKey, events, work) {
  const started = await meter.start(subject.applicationName);
  const figures = await work();
  const cpu = await started.stop();
  const perEvent = (ms) => (ms === undefined ? undefined : (ms * 1000) / events(figures));
  ((results.cpu[cpuKey] ??= {})[key] ??= []).push({ node: perEvent(cpu.nodeMs), pg: perEvent(cpu.pgMs) });
  for (const [metric, value] of Object.entries(figures)) {
    if (METRICS.some((m) => m.key === metric)) ((results.samples[metric] ??= {})[key] ??= []).push(value);
  }
  return figures;
}

async function measureAppends(subjects, results, meter) {
  for (const [key, subject] of Object.entries(subjects)) {
    log(`warming up ${subject.name}`);
    await appendLatency(subject, { appends: 200, streams: 20, prefix: `warm-${key}` });
    await appendThroughput(subject, { writers: 8, appendsPerWriter: 10, batchSize: 10, streamsPerWriter: 2, prefix: 'warm10' });
  }
  const common = { writers: 8, streamsPerWriter: config.streamsPerWriter };
  for (let rep = 0; rep < repeats; rep += 1) {
    for (const key of rotated(SUBJECTS, rep)) {
      const subject = subjects[key];
      log(`run ${rep + 1}/${repeats}: appends, ${subject.name}`);
      await measured(results, meter, key, subject, 'latency', () => config.latencyAppends, () =>
        appendLatency(subject, { appends: config.latencyAppends, streams: config.latencyStreams, prefix: `lat${rep}` }));
      await measured(results, meter, key, subject, 'tp1', () => 8 * config.appends1, async () => ({
        tp1: await appendThroughput(subject, { ...common, appendsPerWriter: config.appends1, batchSize: 1, prefix: `tp1r${rep}` }),
      }));
      await measured(results, meter, key, subject, 'tp10', () => 8 * config.appends10 * 10, async () => ({
        tp10: await appendThroughput(subject, { ...common, appendsPerWriter: config.appends10, batchSize: 10, prefix: `tp10r${rep}` }),
      }));
    }
  }
}

async function measureCatchUp(subjects, results, meter) {
  for (const [key, subject] of Object.entries(subjects)) {
    log(`filling ${subject.name} to ${config.events} events`);
    await fillTo(subject, config.events, `fill-${key}`);
  }
  config.logSize = subjects.lien.appended;
  const reads = {
    readAll: (subject) => subject.readAll(2000),
    // Raw has no subscription: its reference is the same keyset read in pages of 500.
    subscribe: (subject, key) => (key === 'raw' ? subject.readAll(500) : subject.subscribe(500)),
  };
  for (const [key, subject] of Object.entries(subjects)) {
    log(`warming up the reads of ${subject.name}`);
    for (const read of Object.values(reads)) await read(subject, key);
  }
  for (let rep = 0; rep < repeats; rep += 1) {
    for (const key of rotated(SUBJECTS, rep)) {
      const subject = subjects[key];
      for (const [metric, read] of Object.entries(reads)) {
        log(`run ${rep + 1}/${repeats}: ${metric}, ${subject.name}`);
        const result = await measured(results, meter, key, subject, metric, (r) => r.delivered, async () => {
          const { rate, ...rest } = await readRate(() => read(subject, key));
          return { [metric]: rate, ...rest };
        });
        results.checks.push({ subject: subject.name, metric, expected: subject.appended, delivered: result.delivered, distinct: result.distinct });
      }
    }
  }
}

async function main() {
  const machine = await describeMachine(connectionString);
  log(machineLine(machine));
  const subjects = await openSubjects();
  const meter = await openCpuMeter(connectionString);
  const results = { samples: {}, cpu: {}, checks: [] };
  try {
    await measureAppends(subjects, results, meter);
    await measureCatchUp(subjects, results, meter);
  } finally {
    log('dropping the benchmark schemas');
    await meter.close();
    await closeSubjects(subjects);
  }
  const { samples, cpu, checks } = results;
  const loadAtEnd = loadavg().map((l) => l.toFixed(1)).join(' / ');
  const table = `${resultTable(samples)}\n\n${cpuTable(cpu)}`;
  const integrity = integrityLines(dedupe(checks));
  console.log(`# Event store, ${machine.date}\n${machineLine(machine)}\nload average ${machine.loadAtStart} at start, ${loadAtEnd} at end; median (min–max) of ${repeats} runs\n`);
  console.log(table);
  console.log(`\nCatch-up integrity:\n${integrity.join('\n')}`);
  console.log(`\nRaw samples: ${JSON.stringify({ samples: Object.fromEntries(METRICS.map((m) => [m.key, samples[m.key]])), cpu })}`);
  if (process.argv.includes('--no-docs')) return;
  writeSection(join(root, 'docs/benchmarks.md'), eventStoreSection({ machine, loadAtEnd, repeats, config, table, integrity, limits: limitNotes(root, samples, cpu) }));
  log('wrote the "Event store" section of docs/benchmarks.md');
}

/** One line per store and read; a faulty run replaces the clean one so it is not hidden. */
function dedupe(checks) {
  const byKey = new Map();
  for (const check of checks) {
    const key = `${check.subject}/${check.metric}`;
    const clean = check.delivered === check.expected && check.distinct === check.expected;
    if (!byKey.has(key) || !clean) byKey.set(key, check);
  }
  return [...byKey.values()];
}

await main();
