import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '@lien/shared-event-store';
import { aCategory, anEvent, aStreamName, eventually } from '@lien/shared-event-store-testing';
import { requiredEnv } from '@lien/shared-testing';
import { Client } from 'pg';
import { PgClientQueryable } from './lib/pg-pool-database';
import { PostgresEventStore } from './lib/postgres-event-store.adapter';

const connectionString = requiredEnv('DATABASE_URL');
const schema = `es_wake_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const channel = `${schema}_appended`;
/** Far beyond the bound below: an event that arrives in time was brought by a wake-up, not by polling. */
const POLL_NEVER_MS = 60_000;
const PROMPTLY_MS = 2000;
let writer: PostgresEventStore;
let reader: PostgresEventStore;
const clients: Client[] = [];

async function aConnection(): Promise<Client> {
  const client = new Client({ connectionString });
  await client.connect();
  clients.push(client);
  return client;
}

/** A subscriber on the reader store (its own pool and LISTEN connection), caught up before it returns. */
async function aCaughtUpSubscriber(category: string): Promise<{ handled: RecordedEvent[]; stop: () => Promise<void> }> {
  const handled: RecordedEvent[] = [];
  let caughtUp: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (caughtUp = resolve));
  const subscription = reader.subscribe({ filter: { categories: [category] }, handler: async (event) => void handled.push(event), onCaughtUp: () => caughtUp() });
  await ready;
  return { handled, stop: () => subscription.stop() };
}

/** Notifications on the store's channel, seen by a plain LISTEN connection, once earlier ones have died down. */
async function aQuietListener(): Promise<{ count: () => number }> {
  const listener = await aConnection();
  let received = 0;
  listener.on('notification', (message) => (received += message.channel === channel ? 1 : 0));
  await listener.query(`LISTEN "${channel}"`);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const base = received;
  return { count: () => received - base };
}

beforeAll(async () => {
  // Two stores on one schema stand for two processes: different pools, different LISTEN connections.
  writer = await PostgresEventStore.connect({ connection: { connectionString, max: 10 }, schema });
  reader = await PostgresEventStore.connect({ connection: { connectionString, max: 4 }, schema, pollIntervalMs: POLL_NEVER_MS });
});

afterAll(async () => {
  await Promise.all([writer?.close(), reader?.close()]);
  const admin = await aConnection();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
});

describe('subscribers of another process are woken after appends (append_events no longer notifies)', () => {
  it('given a subscriber whose next poll is a minute away, when another store appends one event at a time and then eight writers append at once, then it has every event within 2 s', async () => {
    const category = aCategory();
    const subscriber = await aCaughtUpSubscriber(category);
    const stream = aStreamName(category);
    for (let revision = 0n; revision < 5n; revision += 1n) {
      const event = anEvent({ id: randomUUID() });
      await writer.append(stream, [event], { expectedRevision: revision === 0n ? 'no-stream' : revision - 1n });
      await eventually(() => expect(subscriber.handled.map((handled) => handled.id)).toContain(event.id), PROMPTLY_MS);
    }

    // Appends finishing while a wake-up is in flight must still be followed by one.
    const ids = new Set(subscriber.handled.map((handled) => handled.id));
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const own = aStreamName(category);
        for (let index = 0; index < 20; index += 1) {
          const event = anEvent({ id: randomUUID() });
          await writer.append(own, [event], { expectedRevision: 'any' });
          ids.add(event.id as string);
        }
      }),
    );
    await eventually(() => expect(new Set(subscriber.handled.map((handled) => handled.id))).toEqual(ids), PROMPTLY_MS);
    expect(subscriber.handled).toHaveLength(ids.size);
    await subscriber.stop();
  });

  it('given an append inside a caller transaction, then the wake-up is delivered with its commit and not before, and the subscriber has the event within 2 s of it', async () => {
    const category = aCategory();
    const subscriber = await aCaughtUpSubscriber(category);
    const listener = await aQuietListener();
    const client = await aConnection();
    await client.query('BEGIN');
    const event = anEvent({ id: randomUUID() });
    await writer.appendInTransaction(new PgClientQueryable(client), aStreamName(category), [event], { expectedRevision: 'no-stream' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(listener.count()).toBe(0);
    expect(subscriber.handled).toEqual([]);

    await client.query('COMMIT');
    await eventually(() => expect(subscriber.handled.map((handled) => handled.id)).toEqual([event.id]), PROMPTLY_MS);
    await eventually(() => expect(listener.count()).toBe(1));
    await subscriber.stop();
  });

  it('given an append inside a caller transaction that rolls back, then no wake-up is sent', async () => {
    const listener = await aQuietListener();
    const client = await aConnection();
    await client.query('BEGIN');
    await writer.appendInTransaction(new PgClientQueryable(client), aStreamName(), [anEvent()], { expectedRevision: 'no-stream' });
    await client.query('ROLLBACK');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(listener.count()).toBe(0);
  });
});
