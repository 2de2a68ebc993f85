// First: tracing with an in-memory exporter, started before NestJS, pg and http load.
import { finishedSpans } from './test-support/in-memory-tracing';
import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SpanKind } from '@opentelemetry/api';
import { ReadableSpan } from '@opentelemetry/sdk-trace';
import { DevIssuer } from '@lien/shared-auth';
import { MessageTransport, TopicSubscription, topicName } from '@lien/shared-messaging';
import { startIdempotentConsumer } from '@lien/shared-messaging-consumer';
import { createKafkaTransport } from '@lien/shared-messaging-kafka-platformatic';
import { PostgresInbox } from '@lien/shared-messaging-postgres';
import { eventually } from '@lien/shared-messaging-testing';
import { LienAttributes, ObservabilityModule, stopProcessTelemetry } from '@lien/shared-observability';
import { configureHttp } from '@lien/shared-platform';
import { requiredEnv } from '@lien/shared-testing';
import { REFERRAL_LIFECYCLE_FAMILY, REFERRAL_LIFECYCLE_FAMILY_VERSION, REFERRAL_RECEIVED_V1, REFERRALS_PUBLISHER } from '@lien/referrals-contracts';
import { Pool, PoolClient } from 'pg';
import request from 'supertest';
import { aRegistrationBody } from './test-support/referrals-test-app';
import { referralsTestModule, ReferralsTestModule } from './test-support/referrals-test-module';

jest.setTimeout(180_000);

const PERSONAL_VALUES = ['Zoé', 'Fictive', 'Marie', 'Marc', 'Inventé', 'Tilleuls', '2017-05-04', 'Le mercredi'];

describe('one trace from the command to the read model of another service, on the real broker', () => {
  const district = `trace-${randomUUID().slice(0, 8)}`;
  const brokers = requiredEnv('KAFKA_BROKERS').split(',');
  const databaseUrl = requiredEnv('DATABASE_URL');
  const topic = topicName({ district, service: REFERRALS_PUBLISHER, family: REFERRAL_LIFECYCLE_FAMILY, version: REFERRAL_LIFECYCLE_FAMILY_VERSION });
  const schema = `trace_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const group = `${district}.received-referrals`;
  let testModule: ReferralsTestModule;
  let app: INestApplication;
  let pool: Pool;
  let transport: MessageTransport;
  let subscription: TopicSubscription;

  beforeAll(async () => {
    testModule = referralsTestModule(databaseUrl, { kafkaBrokers: brokers });
    app = (await Test.createTestingModule({ imports: [ObservabilityModule.forRoot(), testModule.module] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(app, { name: 'referrals' });
    await app.init();
    // A consumer of the referrals contracts, as another service runs it: inbox and read model in PostgreSQL.
    pool = new Pool({ connectionString: databaseUrl, max: 2 });
    const inbox = new PostgresInbox(pool, { schema });
    await inbox.migrate();
    await pool.query(`create table ${schema}.received_referrals (referral_id text primary key)`);
    transport = createKafkaTransport({ brokers, clientId: 'one-trace' });
    await transport.admin.createTopics([{ name: topic, partitions: 3 }]);
    subscription = await startIdempotentConsumer<PoolClient>({
      consumer: transport.consumer,
      producer: transport.producer,
      admin: transport.admin,
      inbox,
      handler: {
        groupId: group,
        topics: [topic],
        handle: async (event, tx) => void (await tx.query(`insert into ${schema}.received_referrals (referral_id) values ($1)`, [event.data['referralId']])),
      },
    });
  });

  afterAll(async () => {
    await subscription?.stop();
    await transport?.close();
    await app?.close();
    await pool?.query(`drop schema if exists ${schema} cascade`);
    await pool?.end();
    await testModule?.dropSchemas();
    await stopProcessTelemetry();
  });

  it('given a referral registered over HTTP, when its contract reaches the consumer, then one trace links command, append, relay, Kafka, consumer and read-model write, without personal data', async () => {
    const token = await app.get(DevIssuer).mint({ userId: 'practitioner-1', roles: ['practitioner'], districts: [district] });
    const response = await request(app.getHttpServer()).post(`/api/v1/districts/${district}/referrals`).auth(token, { type: 'bearer' }).set('Idempotency-Key', randomUUID()).send(aRegistrationBody()).expect(201);
    const referralId = response.body.id as string;
    await eventually('the referral in the consumer read model', async () => (await pool.query(`select 1 from ${schema}.received_referrals where referral_id = $1`, [referralId])).rowCount === 1, 60_000);

    const spans = await finishedSpans();
    const command = only(spans, (s) => s.name === 'command ReferralCommandsController.register');
    const traceId = command.spanContext().traceId;
    const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
    const append = only(inTrace, (s) => s.name === 'event-store append' && String(s.attributes[LienAttributes.stream]).startsWith('referral-'));
    const send = only(inTrace, (s) => s.name === `send ${topic}` && s.attributes['messaging.message.id'] !== undefined);
    const consume = only(inTrace, (s) => s.name === `process ${topic}`);
    const write = only(inTrace, (s) => s.name === `read-model write ${group}`);

    // Each hop is the child of the one before: command → append → relay send → Kafka → consumer → write.
    // The HTTP server span above the command comes from the http instrumentation, which cannot patch
    // modules under Jest's module loader: referrals.process-trace.int-spec.ts shows it in a real process.
    expect(parentOf(command)).toBeUndefined();
    expect(parentOf(append)).toBe(command.spanContext().spanId);
    expect(parentOf(send)).toBe(append.spanContext().spanId);
    expect(parentOf(consume)).toBe(send.spanContext().spanId);
    expect(parentOf(write)).toBe(consume.spanContext().spanId);
    expect([command.kind, append.kind, send.kind, consume.kind, write.kind]).toEqual([SpanKind.INTERNAL, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER, SpanKind.INTERNAL]);
    expect(send.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.operation.type': 'send', 'messaging.destination.name': topic, [LienAttributes.eventType]: REFERRAL_RECEIVED_V1 });
    expect(consume.attributes).toMatchObject({ 'messaging.operation.type': 'process', 'messaging.consumer.group.name': group, [LienAttributes.district]: district });
    expect(append.attributes).toMatchObject({ [LienAttributes.district]: district, 'db.operation.name': 'append' });
    expect(command.attributes).toMatchObject({ [LienAttributes.commandType]: 'ReferralCommandsController.register', [LienAttributes.district]: district });

    // Nothing a person could be recognised by, anywhere in the trace (names, address, birth date, free text).
    const attributeText = JSON.stringify(inTrace.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })));
    for (const value of PERSONAL_VALUES) expect(attributeText).not.toContain(value);
  });
});

function only(spans: readonly ReadableSpan[], match: (span: ReadableSpan) => boolean): ReadableSpan {
  const found = spans.filter(match);
  if (found.length !== 1) throw new Error(`expected one span, found ${found.length}: ${spans.map((s) => `${s.name}/${s.kind}`).join(', ')}`);
  return found[0];
}

function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}
