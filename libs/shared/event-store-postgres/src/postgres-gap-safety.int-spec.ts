import { randomUUID } from 'node:crypto';
import { NewEvent, RecordedEvent } from '@lien/shared-event-store';
import { positionOfCheckpoint } from '@lien/shared-event-store-sql';
import { aCategory, anEvent, aStreamName, eventually } from '@lien/shared-event-store-testing';
import { requiredEnv } from '@lien/shared-testing';
import { Client } from 'pg';
import { PgClientQueryable } from './lib/pg-pool-database';
import { PostgresEventStore } from './lib/postgres-event-store.adapter';

const connectionString = requiredEnv('DATABASE_URL');
const schema = `es_gaps_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
let store: PostgresEventStore;
const clients: Client[] = [];

async function aConnection(): Promise<Client> {
  const client = new Client({ connectionString });
  await client.connect();
  clients.push(client);
  return client;
}

/** Opens a transaction on its own connection and appends inside it; the caller decides when it ends. */
async function appendInOpenTransaction(streamName: string, events: NewEvent[]): Promise<Client> {
  const client = await aConnection();
  await client.query('BEGIN');
  await store.appendInTransaction(new PgClientQueryable(client), streamName, events, { expectedRevision: 'any' });
  return client;
}

function globalPositionOf(event: RecordedEvent): bigint {
  return BigInt(positionOfCheckpoint(event.position).globalPosition);
}

beforeAll(async () => {
  store = await PostgresEventStore.connect({ connection: { connectionString }, schema, pollIntervalMs: 50 });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  await store.close();
  const admin = await aConnection();
  await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
  await admin.end();
});

describe('readers never skip an event that commits late', () => {
  it('given an append holding a lower global position that commits after a higher one, then readers see nothing past it until it commits, and then both in order', async () => {
    const category = aCategory();
    const handled: RecordedEvent[] = [];
    const subscription = store.subscribe({ filter: { categories: [category] }, handler: async (event) => void handled.push(event) });
    const slow = await appendInOpenTransaction(aStreamName(category), [anEvent({ data: { name: 'slow' } })]);
    await store.append(aStreamName(category), [anEvent({ data: { name: 'fast' } })], { expectedRevision: 'no-stream' });

    // The fast event is committed, but an older transaction is still open: it stays behind the horizon.
    const whileOpen = await store.readAll({ filter: { categories: [category] } });
    expect(whileOpen.events).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handled).toEqual([]);

    await slow.query('COMMIT');
    await eventually(() => expect(handled.map((event) => event.data['name'])).toEqual(['slow', 'fast']));
    const [slowPosition, fastPosition] = handled.map(globalPositionOf);
    // A reader that only remembered "the highest position seen" would have skipped the slow event forever.
    expect(slowPosition).toBeLessThan(fastPosition as bigint);
    await subscription.stop();
  });

  it('given an unrelated write transaction open for a moment, when reading right after an append, then the read waits for it and returns the append', async () => {
    const category = aCategory();
    const other = await aConnection();
    await other.query('BEGIN');
    await other.query('SELECT pg_current_xact_id()');
    await store.append(aStreamName(category), [anEvent()], { expectedRevision: 'no-stream' });
    setTimeout(() => void other.query('COMMIT'), 50);
    expect((await store.readAll({ filter: { categories: [category] } })).events).toHaveLength(1);
  });

  it('given an append that rolls back, then no reader ever sees it and the stream continues without a hole', async () => {
    const category = aCategory();
    const stream = aStreamName(category);
    await store.append(stream, [anEvent({ data: { name: 'first' } })], { expectedRevision: 'no-stream' });
    const doomed = await appendInOpenTransaction(stream, [anEvent({ data: { name: 'rolled back' } })]);
    await doomed.query('ROLLBACK');
    await store.append(stream, [anEvent({ data: { name: 'second' } })], { expectedRevision: 0n });
    const page = await store.readAll({ filter: { categories: [category] } });
    expect(page.events.map((event) => [event.revision, event.data['name']])).toEqual([[0n, 'first'], [1n, 'second']]);
    expect((await store.verifyStream(stream, { district: 'luxembourg' })).firstBreak).toBeUndefined();
  });

  it('given many concurrent writers, some slow and some rolled back, while a subscriber runs, then it handles every committed event exactly once, no rolled-back one, each stream in revision order', async () => {
    const category = aCategory();
    const hotStreams = Array.from({ length: 4 }, () => aStreamName(category));
    const handled: RecordedEvent[] = [];
    const subscription = store.subscribe({ filter: { categories: [category] }, handler: async (event) => void handled.push(event) });
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    const eventsFor = (count: number): NewEvent[] => Array.from({ length: count }, () => anEvent({ id: randomUUID() }));

    // Writers that hold their transaction open (pg_sleep before COMMIT), and every third one rolls back.
    const transactional = Array.from({ length: 12 }, async (_, index) => {
      const events = eventsFor(1 + (index % 3));
      const stream = index % 2 === 0 ? hotStreams[index % hotStreams.length] as string : aStreamName(category);
      const client = await appendInOpenTransaction(stream, events);
      await client.query('SELECT pg_sleep($1)', [((index * 37) % 400) / 1000]);
      const target = index % 3 === 2 ? rolledBack : committed;
      await client.query(index % 3 === 2 ? 'ROLLBACK' : 'COMMIT');
      events.forEach((event) => target.add(event.id as string));
    });
    // Fast writers through the store's pool, on the same hot streams and on streams of their own.
    const fast = Array.from({ length: 60 }, async (_, index) => {
      const events = eventsFor(1 + (index % 2));
      const stream = index % 3 === 0 ? aStreamName(category) : hotStreams[index % hotStreams.length] as string;
      await store.append(stream, events, { expectedRevision: 'any' });
      events.forEach((event) => committed.add(event.id as string));
    });
    await Promise.all([...transactional, ...fast]);

    await eventually(() => expect(handled.length).toBeGreaterThanOrEqual(committed.size), 20_000);
    const ids = handled.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(committed);
    expect(ids.filter((id) => rolledBack.has(id))).toEqual([]);
    const positions = handled.map((event) => event.position);
    expect([...positions].sort()).toEqual(positions);
    const revisionsByStream = new Map<string, bigint[]>();
    for (const event of handled) revisionsByStream.set(event.streamName, [...(revisionsByStream.get(event.streamName) ?? []), event.revision]);
    for (const revisions of revisionsByStream.values()) {
      expect(revisions).toEqual(revisions.map((_, index) => BigInt(index)));
    }
    await subscription.stop();
  });
});
