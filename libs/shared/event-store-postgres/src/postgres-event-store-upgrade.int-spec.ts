import { randomUUID } from 'node:crypto';
import { StreamNotInDistrict, StreamRevisionConflict } from '@lien/shared-event-store';
import { EVENT_STORE_MIGRATIONS, EventStoreSchema, InProcessAppendFeed, migrateEventStoreSchema, SqlEventStore } from '@lien/shared-event-store-sql';
import { aDistrict, anEvent, aStreamName, rejectionOf } from '@lien/shared-event-store-testing';
import { requiredEnv } from '@lien/shared-testing';
import { Client, Pool } from 'pg';
import { PgPoolDatabase } from './lib/pg-pool-database';
import { PostgresEventStore } from './lib/postgres-event-store.adapter';

const connectionString = requiredEnv('DATABASE_URL');
const schemaName = `es_upgrade_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const schema = new EventStoreSchema(schemaName);
/** The release before `append_events` stopped notifying. */
const UP_TO_3 = EVENT_STORE_MIGRATIONS.filter((migration) => migration.version <= 3);
const admin = new Client({ connectionString });
const pools: Pool[] = [];

function aDatabase(max = 2): PgPoolDatabase {
  const pool = new Pool({ connectionString, max });
  pools.push(pool);
  return new PgPoolDatabase(pool);
}

async function appendEventsDefinitions(): Promise<string[]> {
  const { rows } = await admin.query<{ definition: string }>(
    `SELECT pg_get_functiondef(p.oid) AS definition FROM pg_proc p WHERE p.proname = 'append_events' AND p.pronamespace = $1::regnamespace`,
    [schemaName],
  );
  return rows.map((row) => row.definition);
}

beforeAll(async () => {
  await admin.connect();
});

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await admin.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
  await admin.end();
});

describe('upgrading a schema created by the release before migration 4', () => {
  it('given a schema at migration 3 with events, when three processes migrate while an old process keeps appending, then migration 4 is applied once, append_events no longer notifies, and every check and the hash chain still hold', async () => {
    const district = aDistrict();
    const stream = aStreamName();
    expect(await migrateEventStoreSchema(aDatabase(), schema, UP_TO_3)).toEqual({ applied: [1, 2, 3], alreadyApplied: [] });
    // A process of the previous release: same SQL store, its append_events still notified by itself.
    const old = new SqlEventStore({ db: aDatabase(4), schema, feed: new InProcessAppendFeed() });
    await old.append(stream, [anEvent({ metadata: { district } })], { expectedRevision: 'no-stream' });
    expect(await appendEventsDefinitions()).toEqual([expect.stringContaining('pg_notify')]);

    const oldStream = aStreamName();
    const oldAppends = Array.from({ length: 20 }, (_, index) =>
      old.append(oldStream, [anEvent({ metadata: { district }, data: { index } })], { expectedRevision: 'any' }),
    );
    const reports = await Promise.all([1, 2, 3].map(() => migrateEventStoreSchema(aDatabase(), schema)));
    await Promise.all(oldAppends);
    const later = EVENT_STORE_MIGRATIONS.map((migration) => migration.version).filter((version) => version > 3);
    expect(reports.filter((report) => report.applied.length > 0)).toEqual([{ applied: later, alreadyApplied: [1, 2, 3] }]);
    const definitions = await appendEventsDefinitions();
    expect(definitions).toHaveLength(1);
    expect(definitions[0]).not.toContain('pg_notify');

    const store = await PostgresEventStore.connect({ connection: { connectionString, max: 2 }, schema: schemaName });
    try {
      expect((await store.append(stream, [anEvent({ metadata: { district } })], { expectedRevision: 0n })).nextExpectedRevision).toBe(1n);
      // The old process still hashes against revision 0: the function answers stale-basis and it retries.
      expect((await old.append(stream, [anEvent({ metadata: { district } })], { expectedRevision: 'any' })).nextExpectedRevision).toBe(2n);
      expect(await rejectionOf(store.append(stream, [anEvent({ metadata: { district } })], { expectedRevision: 0n }))).toBeInstanceOf(StreamRevisionConflict);
      expect(await rejectionOf(store.append(stream, [anEvent({ metadata: { district: aDistrict() } })], { expectedRevision: 'any' }))).toBeInstanceOf(StreamNotInDistrict);
      expect(await store.verifyStream(stream, { district })).toEqual({ streamName: stream, eventsChecked: 3 });
      expect(await store.verifyStream(oldStream, { district })).toEqual({ streamName: oldStream, eventsChecked: 20 });
      const page = await store.readAll({ filter: { districts: [district] } });
      expect(page.events).toHaveLength(23);
    } finally {
      await store.close();
      await old.close();
    }
  });
});
