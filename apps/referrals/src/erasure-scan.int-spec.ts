import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { IncomingMessage, MessageTransport, topicName } from '@lien/shared-messaging';
import { createKafkaTransport } from '@lien/shared-messaging-kafka-platformatic';
import { eventually, uniqueName } from '@lien/shared-messaging-testing';
import { requiredEnv } from '@lien/shared-testing';
import { REFERRAL_LIFECYCLE_FAMILY, REFERRAL_LIFECYCLE_FAMILY_VERSION, REFERRALS_PUBLISHER } from '@lien/referrals-contracts';
import { aRegistrationBody, ReferralsTestApp, startReferralsApp } from './test-support/referrals-test-app';

jest.setTimeout(180_000);

/** The demo persons' identifying values: none may be readable anywhere once the person is erased. */
// ('Marc' is left out: it is also the start of the division Marche-en-Famenne.)
const PERSONAL_VALUES = ['Zoé', 'Fictive', 'Marie', 'Inventé', 'Tilleuls', '2017-05-04'];

/** Every row of every table of the service's schemas, as text. */
async function dumpSchemas(pool: Pool, prefix: string): Promise<string> {
  const tables = await pool.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_schema LIKE $1 AND table_type = 'BASE TABLE'`,
    [`lien_${prefix}%`],
  );
  const dumps = await Promise.all(tables.rows.map(async (t) => (await pool.query(`SELECT t::text AS row FROM "${t.schema}"."${t.name}" t`)).rows.map((r) => r.row).join('\n')));
  return dumps.join('\n');
}

describe('erasure: after a person is erased, their data is readable nowhere, and logs never held it', () => {
  const district = `erasure-${randomUUID().slice(0, 8)}`;
  const brokers = requiredEnv('KAFKA_BROKERS').split(',');
  const topic = topicName({ district, service: REFERRALS_PUBLISHER, family: REFERRAL_LIFECYCLE_FAMILY, version: REFERRAL_LIFECYCLE_FAMILY_VERSION });
  const logged: string[] = [];
  let service: ReferralsTestApp;
  let consumer: MessageTransport;
  let pool: Pool;
  const writes: Array<[NodeJS.WriteStream, NodeJS.WriteStream['write']]> = [];

  beforeAll(async () => {
    // Everything the process prints during the scenario, to scan for personal data.
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      writes.push([stream, original]);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        logged.push(String(chunk));
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as NodeJS.WriteStream['write'];
    }
    pool = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 2 });
    service = await startReferralsApp(requiredEnv('DATABASE_URL'), { kafkaBrokers: brokers });
    consumer = createKafkaTransport({ brokers, clientId: 'erasure-scan' });
  });
  afterAll(async () => {
    for (const [stream, original] of writes) stream.write = original;
    await consumer?.close();
    await service?.close();
    await pool?.end();
  });

  it('given a registered and accepted referral, when its child and adults are erased, then the store, the read model and the topic hold none of their values, and reads show them erased', async () => {
    const [practitioner, coordinator] = [await service.token('practitioner', district), await service.token('coordinator', district)];
    const base = `/api/v1/districts/${district}/referrals`;
    const body = aRegistrationBody();
    const registered = await service.http().post(base).auth(practitioner, { type: 'bearer' }).set('Idempotency-Key', randomUUID()).send(body).expect(201);
    const id = registered.body.id as string;
    await service.http().post(`${base}/${id}/accept`).auth(coordinator, { type: 'bearer' }).set('If-Match', registered.headers['etag']).send({}).expect(200);
    const before = await service.http().get(`${base}/${id}`).auth(practitioner, { type: 'bearer' }).expect(200);
    expect(JSON.stringify(before.body)).toContain('Zoé');

    const persons = [...(body['children'] as Array<{ personId: string }>), ...(body['adults'] as Array<{ personId: string }>)].map((p) => p.personId);
    for (const person of persons) await service.runtime.events.keys.erase(person, district);

    const received: IncomingMessage[] = [];
    const subscription = await consumer.consumer.subscribe({ groupId: uniqueName('erasure'), topics: [topic], handler: async (m) => void received.push(m) });
    try {
      await eventually('the referral contracts on Kafka', () => received.length >= 2, 60_000);
    } finally {
      await subscription.stop();
    }
    const onKafka = received.map((m) => JSON.stringify(m.headers) + m.key + (m.value?.toString('utf8') ?? '')).join('\n');
    const inDatabase = await dumpSchemas(pool, service.name);
    const after = await service.http().get(`${base}/${id}`).auth(practitioner, { type: 'bearer' }).expect(200);

    expect(inDatabase.length).toBeGreaterThan(1000);
    for (const value of PERSONAL_VALUES) {
      expect({ value, where: 'database', found: inDatabase.includes(value) }).toEqual({ value, where: 'database', found: false });
      expect({ value, where: 'kafka', found: onKafka.includes(value) }).toEqual({ value, where: 'kafka', found: false });
      expect({ value, where: 'api after erasure', found: JSON.stringify(after.body).includes(value) }).toEqual({ value, where: 'api after erasure', found: false });
    }
    expect(JSON.stringify(after.body)).toContain('erased');
  });

  it('given the whole scenario, when the process output is scanned, then no personal value was ever logged', () => {
    const output = logged.join('');
    for (const value of PERSONAL_VALUES) expect({ value, found: output.includes(value) }).toEqual({ value, found: false });
  });
});
