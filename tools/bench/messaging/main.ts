import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { BenchResults, BenchSettings, LatencyFigures, runMessagingBenchmark } from './messaging-bench';

const root = resolve(__dirname, '../../..');
const kafkaScript = join(root, 'tools/infra/kafka.sh');

function kafkaVersion(): string {
  const pom = readFileSync(join(root, 'tools/infra/kafka/pom.xml'), 'utf8');
  return /<kafka\.version>\s*([^<\s]+)/.exec(pom)?.[1] ?? 'unknown';
}

function machine(): string {
  const debian = existsSync('/etc/debian_version') ? `Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}` : 'unknown OS';
  return `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${debian}, Node ${process.version}, Apache Kafka ${kafkaVersion()} (single KRaft node), PostgreSQL at DATABASE_URL, shared with other work`;
}

/** Without KAFKA_BROKERS, a broker of the benchmark's own on ports 29292/29293, stopped at the end. */
function ownBroker(): { brokers: string; stop: () => void } {
  const env = { ...process.env, KAFKA_PORT: '29292', KAFKA_CONTROLLER_PORT: '29293' };
  const out = execFileSync('bash', [kafkaScript, 'start'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const brokers = out.trim().split('\n').pop()?.replace('KAFKA_BROKERS=', '') ?? '';
  return { brokers, stop: () => execFileSync('bash', [kafkaScript, 'stop'], { env, stdio: 'inherit' }) };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;
const latencyRow = (name: string, l: LatencyFigures, base?: LatencyFigures) =>
  `| ${name} | ${l.count} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${base ? `${ratio(l.p50, base.p50)} / ${ratio(l.p99, base.p99)}` : 'baseline'} |`;

function report(settings: BenchSettings, r: BenchResults): string {
  return [
    `## Messaging: relay and consumers (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Machine: ${machine()}. Command: \`npx node tools/bench/messaging.mjs\`.`,
    '',
    `Throughput, ${settings.events} events (CloudEvents, ~100 B JSON, 3 partitions, idempotent producer, acks=all):`,
    '',
    '| path | events/s | vs baseline |',
    '|---|---|---|',
    `| raw producer, batches of 500 (baseline) | ${Math.round(r.rawSendPerSecond)} | baseline |`,
    `| relay: PostgreSQL store → translate → produce → checkpoint | ${Math.round(r.relayPerSecond)} | ${ratio(r.relayPerSecond, r.rawSendPerSecond)} |`,
    '',
    `Latency at a steady ${settings.rate} events/s for ${settings.seconds} s:`,
    '',
    '| path | samples | p50 | p95 | p99 | max | p50 / p99 vs baseline |',
    '|---|---|---|---|---|---|---|',
    latencyRow('raw producer → consumer group (baseline)', r.rawLatency),
    latencyRow('append committed → relay → Kafka → bare consumer group', r.relayLatency, r.rawLatency),
    latencyRow('append committed → relay → Kafka → consumer effect committed (inbox + read model)', r.pipelineLatency, r.rawLatency),
    '',
    `The PostgreSQL event store took the offered load at ${Math.round(r.appendsPerSecond)} appends/s (one event per append, pool of 4);`,
    `append latency from its scheduled time to commit: p50 ${ms(r.appendLatency.p50)}, p99 ${ms(r.appendLatency.p99)}.`,
    `Load average when the run ended: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) on ${cpus().length} cores.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const own = process.env['KAFKA_BROKERS'] ? undefined : ownBroker();
  const settings: BenchSettings = {
    databaseUrl: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
    brokers: process.env['KAFKA_BROKERS'] ?? own?.brokers ?? '',
    events: Number(process.env['BENCH_EVENTS'] ?? 5000),
    seconds: Number(process.env['BENCH_SECONDS'] ?? 30),
    rate: Number(process.env['BENCH_RATE'] ?? 200),
  };
  try {
    const results = await runMessagingBenchmark(settings, (line) => console.log(line));
    const text = report(settings, results);
    console.log(`\n${text}`);
    if (!process.argv.includes('--no-write')) {
      const file = join(root, 'docs/benchmarks.md');
      if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n\nFigures appended by the benchmark commands; each section says its machine and command.\n\n');
      appendFileSync(file, `${text}\n`);
      console.log(`appended to ${file}`);
    }
  } finally {
    own?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
