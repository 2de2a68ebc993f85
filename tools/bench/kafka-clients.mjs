#!/usr/bin/env node
// Measures the two pure-JavaScript Kafka clients we considered (ADR 0004) on a real Kafka 4 broker:
// protocol compatibility, idempotent acks=all producing, throughput, single-send latency, and what a
// fresh install costs. One command: `npx node tools/bench/kafka-clients.mjs [--skip-install]`.
// Uses KAFKA_BROKERS when set; otherwise starts (and stops) its own broker on ports 29192/29193.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kafkajsClient } from './kafka-clients/kafkajs.mjs';
import { platformaticClient } from './kafka-clients/platformatic.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20000);
const BATCH = 200;
const VALUE = Buffer.alloc(512, 'x');
const run = `${Date.now().toString(36)}`;

function headersFor(i) {
  return { ce_specversion: '1.0', ce_id: `id-${i}`, ce_type: 'bench.Measured.v1', ce_source: '/lien/bench/luxembourg', 'content-type': 'application/json' };
}

async function timed(fn) {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function step(results, name, fn) {
  try {
    const detail = await fn();
    results.push({ name, ok: true, detail: detail ?? '' });
  } catch (error) {
    results.push({ name, ok: false, detail: String(error?.message ?? error).split('\n')[0].slice(0, 160) });
  }
}

async function measure(client, brokers) {
  const results = [];
  const topic = `bench.${client.name}.${run}`;
  const session = await client.open(brokers);
  try {
    await step(results, 'admin: create topic (3 partitions)', () => session.createTopic(topic, 3));
    await step(results, 'producer: idempotent, acks=all, one send', () => session.send(topic, [{ key: 'k0', value: VALUE, headers: headersFor(0) }]));
    await step(results, 'producer: throughput', async () => {
      const { ms } = await timed(async () => {
        for (let i = 0; i < MESSAGES; i += BATCH) {
          const batch = Array.from({ length: BATCH }, (_, j) => ({ key: `stream-${(i + j) % 97}`, value: VALUE, headers: headersFor(i + j) }));
          await session.send(topic, batch);
        }
      });
      return `${Math.round((MESSAGES / ms) * 1000)} msg/s (${MESSAGES} x 512 B, batches of ${BATCH}, awaited)`;
    });
    await step(results, 'producer: single-send latency', async () => {
      const samples = [];
      for (let i = 0; i < 300; i++) samples.push((await timed(() => session.send(topic, [{ key: 'k', value: VALUE, headers: headersFor(i) }]))).ms);
      samples.sort((a, b) => a - b);
      return `p50 ${percentile(samples, 50).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms`;
    });
    await step(results, 'consumer group: join, consume all, manual commit', async () => {
      const expected = MESSAGES + 301;
      const { value, ms } = await timed(() => session.consumeAll(topic, `bench-${client.name}-${run}`, expected));
      return `${Math.round((value.count / ms) * 1000)} msg/s incl. group join (${value.count} msgs), committed ${value.committed}`;
    });
  } finally {
    await session.close();
  }
  return results;
}

function freshInstall(pkg) {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-client-install-'));
  try {
    execFileSync('npm', ['init', '-y'], { cwd: dir, stdio: 'ignore' });
    const started = Date.now();
    // A fresh cache stands in for a fresh machine: everything comes from the registry.
    const out = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--cache', join(dir, '.npm-cache'), pkg], { cwd: dir, encoding: 'utf8', timeout: 600000 });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (out.status !== 0) return `FAILED after ${seconds} s: ${(out.stderr || '').trim().split('\n').filter((l) => /error|ENOTFOUND/i.test(l))[0] ?? 'see npm log'}`;
    const count = Number(execFileSync('bash', ['-c', 'ls -d node_modules/*/ node_modules/@*/*/ 2>/dev/null | grep -v "/@[^/]*/$" | wc -l'], { cwd: dir, encoding: 'utf8' }).trim());
    const size = execFileSync('du', ['-sh', 'node_modules'], { cwd: dir, encoding: 'utf8' }).split('\t')[0];
    return `ok in ${seconds} s, ${count} packages, ${size}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function startOwnBroker() {
  const env = { ...process.env, KAFKA_PORT: '29192', KAFKA_CONTROLLER_PORT: '29193' };
  const out = execFileSync('bash', [join(root, 'tools/infra/kafka.sh'), 'start'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const brokers = out.trim().split('\n').pop().replace('KAFKA_BROKERS=', '');
  return { brokers, stop: () => execFileSync('bash', [join(root, 'tools/infra/kafka.sh'), 'stop'], { env, stdio: 'inherit' }) };
}

async function main() {
  const own = process.env.KAFKA_BROKERS ? undefined : startOwnBroker();
  const brokers = process.env.KAFKA_BROKERS ?? own.brokers;
  try {
    const kafkaVersion = execFileSync('bash', ['-c', `grep -o '<kafka.version>[^<]*' ${join(root, 'tools/infra/kafka/pom.xml')} | cut -d'>' -f2`], { encoding: 'utf8' }).trim();
    console.log(`# Kafka clients on Apache Kafka ${kafkaVersion} (${brokers}), node ${process.version}\n`);
    for (const client of [kafkajsClient, platformaticClient]) {
      console.log(`## ${client.name} ${client.version}`);
      for (const r of await measure(client, brokers)) console.log(`- ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}`);
      if (!process.argv.includes('--skip-install')) console.log(`- fresh install (empty npm cache): ${freshInstall(`${client.package}@${client.version}`)}`);
      console.log('');
    }
  } finally {
    own?.stop();
  }
}

await main();
