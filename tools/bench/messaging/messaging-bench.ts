import { randomUUID } from 'node:crypto';
import { IntegrationEvent, OutgoingMessage, toKafkaMessage, topicName } from '@lien/shared-messaging';
import { PipelineFixture } from '@lien/shared-messaging-pipeline-testing';
import { caseOpened } from '@lien/shared-messaging-testing';

export interface BenchSettings {
  readonly databaseUrl: string;
  readonly brokers: string;
  /** Events for the throughput runs. */
  readonly events: number;
  /** Length of the steady-rate latency runs, seconds. */
  readonly seconds: number;
  /** Steady rate of the latency runs, events per second. */
  readonly rate: number;
}

export interface LatencyFigures {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface BenchResults {
  readonly rawSendPerSecond: number;
  readonly relayPerSecond: number;
  readonly rawLatency: LatencyFigures;
  readonly pipelineLatency: LatencyFigures;
  /** Append committed → record received by a bare consumer group: the relay's share. */
  readonly relayLatency: LatencyFigures;
  /** From the scheduled time to the append's commit: how well the store kept up with the offered rate. */
  readonly appendLatency: LatencyFigures;
  readonly appendsPerSecond: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function latencies(samples: number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN };
}

function integrationEvent(district: string): IntegrationEvent {
  const caseId = randomUUID();
  return { id: randomUUID(), type: 'cases.CaseOpened.v1', source: `/lien/cases/${district}`, subject: `case-${caseId}`, time: new Date().toISOString(), district, data: { caseId, urgency: 'high' } };
}

async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`benchmark: timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** Baseline: the same CloudEvent records, sent straight with the producer in the relay's batch size. */
async function rawSendThroughput(pipeline: PipelineFixture, events: number): Promise<number> {
  const records = Array.from({ length: events }, () => toKafkaMessage(pipeline.topic, integrationEvent(pipeline.district)));
  // Warm-up outside the clock: connections, metadata and the idempotent producer id.
  await pipeline.transport.producer.send(Array.from({ length: 500 }, () => toKafkaMessage(pipeline.topic, integrationEvent(pipeline.district))));
  const started = performance.now();
  for (let i = 0; i < records.length; i += 500) await pipeline.transport.producer.send(records.slice(i, i + 500));
  return (events / (performance.now() - started)) * 1000;
}

/** The relay draining a backlog: stored events → translated → produced (acks=all) → checkpointed. */
async function relayThroughput(pipeline: PipelineFixture, events: number): Promise<number> {
  const perStream = 10;
  for (let i = 0; i < events; i += perStream) {
    const caseId = randomUUID();
    await pipeline.store.append(`case-${caseId}`, Array.from({ length: perStream }, () => caseOpened(caseId, pipeline.district)), { expectedRevision: 'any' });
  }
  const started = performance.now();
  const relay = await pipeline.startRelay();
  await waitFor('the relay to drain its backlog', () => relay.relayedCount >= events, 300_000);
  const perSecond = (events / (performance.now() - started)) * 1000;
  await relay.stop();
  return perSecond;
}

/** Steady load, paced on a schedule so a slow step does not lower the offered rate. */
async function paced(seconds: number, rate: number, fire: (i: number) => void): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < seconds * rate; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    fire(i);
  }
}

/** Baseline: producer → consumer group, no event store, no relay, no inbox. */
async function rawLatency(pipeline: PipelineFixture, settings: BenchSettings): Promise<LatencyFigures> {
  const topic = topicName({ district: pipeline.district, service: 'bench', family: 'raw', version: 1 });
  await pipeline.transport.admin.createTopics([{ name: topic, partitions: 3 }]);
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  const subscription = await pipeline.transport.consumer.subscribe({
    groupId: `${pipeline.district}.bench-raw`,
    topics: [topic],
    handler: async (message) => {
      const at = sentAt.get(message.headers['ce_id'] ?? '');
      if (at !== undefined) samples.push(performance.now() - at);
    },
  });
  const sends: Promise<void>[] = [];
  await paced(settings.seconds, settings.rate, () => {
    const record: OutgoingMessage = toKafkaMessage(topic, integrationEvent(pipeline.district));
    sentAt.set(record.headers['ce_id'] ?? '', performance.now());
    sends.push(pipeline.transport.producer.send([record]));
  });
  await Promise.all(sends);
  await waitFor('every raw record consumed', () => samples.length >= sentAt.size, 120_000);
  await subscription.stop();
  return latencies(samples);
}

/**
 * The whole path: append committed in PostgreSQL → relay → Kafka → consumer → inbox + read model
 * committed. Measured from the append's commit (its promise resolving), so a store that cannot take
 * the offered rate shows in the append figures, not in the relay's.
 */
async function pipelineLatency(pipeline: PipelineFixture, settings: BenchSettings): Promise<{ effect: LatencyFigures; onKafka: LatencyFigures; append: LatencyFigures; appendsPerSecond: number }> {
  const committedAt = new Map<string, number>();
  const effectAt = new Map<string, number>();
  const onKafkaAt = new Map<string, number>();
  const appendSamples: number[] = [];
  // A bare group on the same topic splits the path: append → on Kafka (relay) and → effect (consumer).
  const watcher = await pipeline.transport.consumer.subscribe({
    groupId: `${pipeline.district}.bench-watch`,
    topics: [pipeline.topic],
    handler: async (message) => void onKafkaAt.set(message.headers['ce_id'] ?? '', performance.now()),
  });
  await pipeline.startConsumer({
    onOutcome: (outcome) => {
      if (outcome.kind === 'handled' && outcome.messageId) effectAt.set(outcome.messageId, performance.now());
    },
  });
  await pipeline.startRelay();
  const appends: Promise<unknown>[] = [];
  const started = performance.now();
  await paced(settings.seconds, settings.rate, () => {
    const caseId = randomUUID();
    const event = { ...caseOpened(caseId, pipeline.district), id: randomUUID() };
    const scheduled = performance.now();
    appends.push(
      pipeline.store.append(`case-${caseId}`, [event], { expectedRevision: 'no-stream' }).then(() => {
        committedAt.set(event.id, performance.now());
        appendSamples.push(performance.now() - scheduled);
      }),
    );
  });
  await Promise.all(appends);
  const appendsPerSecond = (committedAt.size / (performance.now() - started)) * 1000;
  await waitFor('every appended event applied', () => effectAt.size >= committedAt.size, 180_000);
  await waitFor('every appended event seen on Kafka', () => onKafkaAt.size >= committedAt.size, 60_000);
  await watcher.stop();
  // An effect can land before the append's promise resolves (NOTIFY is fast): that counts as 0.
  const since = (times: Map<string, number>) => [...committedAt].map(([id, at]) => Math.max(0, (times.get(id) ?? NaN) - at));
  return { effect: latencies(since(effectAt)), onKafka: latencies(since(onKafkaAt)), append: latencies(appendSamples), appendsPerSecond };
}

export async function runMessagingBenchmark(settings: BenchSettings, log: (line: string) => void): Promise<BenchResults> {
  const throughput = await PipelineFixture.open(settings.databaseUrl, settings.brokers);
  let rawSendPerSecond: number;
  let relayPerSecond: number;
  try {
    log(`throughput: ${settings.events} events, raw producer first, then the relay`);
    rawSendPerSecond = await rawSendThroughput(throughput, settings.events);
    relayPerSecond = await relayThroughput(throughput, settings.events);
  } finally {
    await throughput.close();
  }
  const latency = await PipelineFixture.open(settings.databaseUrl, settings.brokers);
  try {
    log(`latency: ${settings.rate} events/s for ${settings.seconds} s, raw producer→consumer first, then append→effect`);
    const raw = await rawLatency(latency, settings);
    const pipeline = await pipelineLatency(latency, settings);
    return { rawSendPerSecond, relayPerSecond, rawLatency: raw, pipelineLatency: pipeline.effect, relayLatency: pipeline.onKafka, appendLatency: pipeline.append, appendsPerSecond: pipeline.appendsPerSecond };
  } finally {
    await latency.close();
  }
}
