import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@lien/shared-event-store-postgres';
import { MessageTransport, TopicSubscription, topicName } from '@lien/shared-messaging';
import { ConsumerOutcome, IdempotentConsumerOptions, IntegrationEventHandler, startIdempotentConsumer } from '@lien/shared-messaging-consumer';
import { createKafkaTransport, parseBrokers } from '@lien/shared-messaging-kafka-platformatic';
import { PostgresCheckpointStore, PostgresInbox } from '@lien/shared-messaging-postgres';
import { Relay, RelayOptions } from '@lien/shared-relay';
import { Pool, PoolClient } from 'pg';
import { caseOpened, EXAMPLE_FAMILY, EXAMPLE_SERVICE, exampleTranslator } from '@lien/shared-messaging-testing';

/**
 * The whole path on real parts: PostgreSQL event store → relay → Kafka → idempotent consumer → a
 * read model in PostgreSQL. The read model table has no unique key on purpose: a doubled effect shows
 * as a second row.
 */
export class PipelineFixture {
  readonly district = `d${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  readonly topic = topicName({ district: this.district, service: EXAMPLE_SERVICE, family: EXAMPLE_FAMILY, version: 1 });
  readonly outcomes: ConsumerOutcome[] = [];
  private readonly relays: Relay[] = [];
  private readonly subscriptions: TopicSubscription[] = [];

  private constructor(
    readonly pool: Pool,
    readonly store: PostgresEventStore,
    readonly transport: MessageTransport,
    readonly checkpoints: PostgresCheckpointStore,
    readonly inbox: PostgresInbox,
    private readonly schema: string,
    /** Proof that a fault was really felt: failed sends or saves the relay retried, rejoins of the consumer. */
    readonly faults: { relayRetries: number; consumerReconnects: number },
  ) {}

  static async open(databaseUrl: string, brokers: string): Promise<PipelineFixture> {
    const pool = new Pool({ connectionString: databaseUrl, max: 4 });
    pool.on('error', () => undefined);
    const schema = `pipeline_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const store = await PostgresEventStore.connect({ connection: { connectionString: databaseUrl, max: 4 }, schema: `${schema}_events`, pollIntervalMs: 100 });
    const faults = { relayRetries: 0, consumerReconnects: 0 };
    const transport = createKafkaTransport({ brokers: parseBrokers(brokers), clientId: 'pipeline-test', reconnectDelayMs: 250, onReconnect: () => faults.consumerReconnects++ });
    const fixture = new PipelineFixture(pool, store, transport, new PostgresCheckpointStore(pool, { schema }), new PostgresInbox(pool, { schema }), schema, faults);
    await fixture.checkpoints.migrate();
    await fixture.inbox.migrate();
    await pool.query(`create table ${schema}.opened_cases (event_id text not null, case_id text not null)`);
    await transport.admin.createTopics([{ name: fixture.topic, partitions: 3 }]);
    return fixture;
  }

  /** Appends one opened case per id, each in its own stream; returns the stored event ids. */
  async openCases(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const caseId = randomUUID();
      await this.store.append(`case-${caseId}`, [caseOpened(caseId, this.district)], { expectedRevision: 'no-stream' });
      const [stored] = await this.store.readStream(`case-${caseId}`, { district: this.district });
      ids.push(stored.id);
    }
    return ids;
  }

  async startRelay(overrides: Partial<RelayOptions> = {}): Promise<Relay> {
    const relay = new Relay({
      name: 'cases-relay',
      service: EXAMPLE_SERVICE,
      store: this.store,
      producer: this.transport.producer,
      checkpoints: this.checkpoints,
      translate: exampleTranslator,
      admin: this.transport.admin,
      retryDelayMs: 100,
      onRetry: () => this.faults.relayRetries++,
      ...overrides,
    });
    this.relays.push(relay);
    await relay.start();
    return relay;
  }

  async startConsumer(overrides: Partial<IdempotentConsumerOptions<PoolClient>> = {}): Promise<TopicSubscription> {
    const subscription = await startIdempotentConsumer<PoolClient>({
      consumer: this.transport.consumer,
      producer: this.transport.producer,
      admin: this.transport.admin,
      inbox: this.inbox,
      handler: this.readModelHandler(),
      retry: { attempts: 3, initialDelayMs: 20 },
      onOutcome: (o) => this.outcomes.push(o),
      ...overrides,
    });
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** The read model's handler: one row per applied effect. */
  readModelHandler(): IntegrationEventHandler<PoolClient> {
    return {
      groupId: `${this.district}.opened-cases`,
      topics: [this.topic],
      handle: async (event, tx) => void (await tx.query(`insert into ${this.schema}.opened_cases (event_id, case_id) values ($1, $2)`, [event.id, event.data['caseId']])),
    };
  }

  /** How many times each event's effect was applied to the read model. */
  async effectsPerEvent(): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ event_id: string; n: string }>(`select event_id, count(*) as n from ${this.schema}.opened_cases group by event_id`);
    return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
  }

  async close(): Promise<void> {
    await Promise.all(this.relays.map((r) => r.kill()));
    await Promise.all(this.subscriptions.map((s) => s.stop()));
    await this.transport.close();
    await this.store.close();
    await this.pool.query(`drop schema if exists ${this.schema} cascade`);
    await this.pool.query(`drop schema if exists ${this.schema}_events cascade`);
    await this.pool.end();
  }
}
