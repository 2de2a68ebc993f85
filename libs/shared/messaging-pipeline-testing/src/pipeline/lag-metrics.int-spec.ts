import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IncomingMessage, MessageConsumer, MessageProducer, OutgoingMessage, SubscribeToTopicsOptions, TopicSubscription } from '@lien/shared-messaging';
import { eventually } from '@lien/shared-messaging-testing';
import { ObservabilityModule, sampleOldestTransaction } from '@lien/shared-observability';
import { requiredEnv } from '@lien/shared-testing';
import request from 'supertest';
import { PipelineFixture } from '../lib/pipeline-fixture';

jest.setTimeout(180_000);

/** Holds every call until opened: the broker (for the relay) or the consumer "is slow" on demand. */
class Gate {
  private opened = false;
  private waiters: (() => void)[] = [];
  wait(): Promise<void> {
    return this.opened ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
  open(): void {
    this.opened = true;
    this.waiters.splice(0).forEach((wake) => wake());
  }
}

class GatedProducer extends MessageProducer {
  constructor(
    private readonly inner: MessageProducer,
    private readonly gate: Gate,
  ) {
    super();
  }
  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    await this.gate.wait();
    await this.inner.send(messages);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Delays records before the idempotent consumer sees them, so no transaction is held open meanwhile. */
class GatedConsumer extends MessageConsumer {
  constructor(
    private readonly inner: MessageConsumer,
    private readonly gate: Gate,
  ) {
    super();
  }
  subscribe(options: SubscribeToTopicsOptions): Promise<TopicSubscription> {
    return this.inner.subscribe({ ...options, handler: async (message: IncomingMessage) => (await this.gate.wait(), options.handler(message)) });
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** One sample of a metric from the Prometheus text, by name and label subset. */
function valueOf(text: string, name: string, labels: Record<string, string>): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
}

describe('metrics on a real broker: a scrape shows the lags moving while events flow', () => {
  let pipeline: PipelineFixture;
  let app: INestApplication;
  let stopSampling: () => void;
  const scrape = async () => (await request(app.getHttpServer()).get('/metrics').expect(200)).text;

  beforeAll(async () => {
    pipeline = await PipelineFixture.open(requiredEnv('DATABASE_URL'), requiredEnv('KAFKA_BROKERS'));
    app = (await Test.createTestingModule({ imports: [ObservabilityModule.forRoot()] }).compile()).createNestApplication();
    await app.init();
    stopSampling = sampleOldestTransaction(pipeline.pool);
  });

  afterAll(async () => {
    stopSampling?.();
    await app?.close();
    await pipeline?.close();
  });

  it('given a slow broker then a slow consumer, when events flow, then relay and consumer lag rise, fall back to zero, and the counters count', async () => {
    const [brokerGate, consumerGate] = [new Gate(), new Gate()];
    const group = pipeline.readModelHandler().groupId;
    const relayLabels = { relay: 'cases-relay' };
    const consumerLabels = { group, topic: pipeline.topic };
    await pipeline.startConsumer({ consumer: new GatedConsumer(pipeline.transport.consumer, consumerGate) });
    await pipeline.startRelay({ producer: new GatedProducer(pipeline.transport.producer, brokerGate) });
    const handledBefore = valueOf(await scrape(), 'lien_consumer_messages_total', { group, outcome: 'handled' });
    expect(Number.isNaN(handledBefore) || handledBefore === 0).toBe(true);

    // The broker does not answer: five appended events wait in the relay.
    await pipeline.openCases(5);
    await eventually('relay lag 5', async () => valueOf(await scrape(), 'lien_relay_lag_events', relayLabels) === 5, 30_000);
    expect(valueOf(await scrape(), 'lien_consumer_lag_messages', consumerLabels)).toBe(0);

    // The broker answers; the consumer does not yet: the lag moves from the relay to the consumer group.
    brokerGate.open();
    await eventually('relay lag back to 0', async () => valueOf(await scrape(), 'lien_relay_lag_events', relayLabels) === 0, 60_000);
    await eventually('consumer lag 5', async () => valueOf(await scrape(), 'lien_consumer_lag_messages', consumerLabels) === 5, 60_000);
    expect(valueOf(await scrape(), 'lien_relay_published_total', relayLabels)).toBe(5);

    // The consumer catches up: no lag left, five effects in the read model, each with its projection delay.
    consumerGate.open();
    await eventually('consumer lag back to 0', async () => valueOf(await scrape(), 'lien_consumer_lag_messages', consumerLabels) === 0, 60_000);
    await eventually('five handled', async () => valueOf(await scrape(), 'lien_consumer_messages_total', { group, outcome: 'handled' }) === 5, 30_000);
    const text = await scrape();
    expect(valueOf(text, 'lien_projection_lag_seconds_count', { projection: group })).toBe(5);
    expect((await pipeline.effectsPerEvent()).size).toBe(5);

    // A record that is no CloudEvent goes to the dead letters, and the counter says so.
    await pipeline.transport.producer.send([{ topic: pipeline.topic, key: 'poison', value: Buffer.from('{}'), headers: {} }]);
    await eventually('one dead letter', async () => valueOf(await scrape(), 'lien_dead_letters_total', consumerLabels) === 1, 60_000);
  });

  it('given a transaction left open, when scraped, then the oldest open transaction age shows it (alert above 5 s)', async () => {
    const client = await pipeline.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT txid_current()');
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(valueOf(await scrape(), 'lien_postgres_oldest_transaction_age_seconds', {})).toBeGreaterThanOrEqual(1.2);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
