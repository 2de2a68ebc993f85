import { randomUUID } from 'node:crypto';
import { EventStoreSchema, EVENT_STORE_MIGRATIONS, migrateEventStoreSchema } from '@lien/shared-event-store-sql';
import { aDistrict, anEvent, aStreamName } from '@lien/shared-event-store-testing';
import { requiredEnv } from '@lien/shared-testing';
import { Client, Pool } from 'pg';
import { PgPoolDatabase } from './lib/pg-pool-database';
import { PostgresEventStore } from './lib/postgres-event-store.adapter';

const connectionString = requiredEnv('DATABASE_URL');
const schemaName = `es_schema_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const schema = new EventStoreSchema(schemaName);
const admin = new Client({ connectionString });
const pools: Pool[] = [];

function aDatabase(): PgPoolDatabase {
  const pool = new Pool({ connectionString, max: 1 });
  pools.push(pool);
  return new PgPoolDatabase(pool);
}

async function partitionsOfEvents(): Promise<string[]> {
  const { rows } = await admin.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY 1`,
    [`"${schemaName}".events`],
  );
  return rows.map((row) => row.name);
}

beforeAll(async () => {
  await admin.connect();
});

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await admin.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
  await admin.end();
});

describe('schema migrations', () => {
  it('given an empty database, when five processes migrate at the same moment, then one applies every migration, the others find them applied, and none fails', async () => {
    const reports = await Promise.all(Array.from({ length: 5 }, () => migrateEventStoreSchema(aDatabase(), schema)));
    const all = EVENT_STORE_MIGRATIONS.map((migration) => migration.version);
    expect(reports.filter((report) => report.applied.length > 0)).toEqual([{ applied: all, alreadyApplied: [] }]);
    expect(reports.filter((report) => report.applied.length === 0)).toHaveLength(4);
    const { rows } = await admin.query(`SELECT version FROM "${schemaName}".schema_migrations ORDER BY version`);
    expect(rows.map((row) => row.version)).toEqual(all);
  });

  it('given a migrated schema, when migrating again, then nothing is applied', async () => {
    const report = await migrateEventStoreSchema(aDatabase(), schema);
    expect(report).toEqual({ applied: [], alreadyApplied: EVENT_STORE_MIGRATIONS.map((migration) => migration.version) });
  });

  it('given a migration that fails half-way, then none of its statements stay and it is not recorded', async () => {
    const broken = [...EVENT_STORE_MIGRATIONS, { version: 99, name: 'broken', script: () => `CREATE TABLE "${schemaName}".half_done (x int); SELECT 1/0;` }];
    await expect(migrateEventStoreSchema(aDatabase(), schema, broken)).rejects.toThrow(/division by zero/);
    const { rows } = await admin.query(`SELECT to_regclass($1) AS half_done, (SELECT max(version) FROM "${schemaName}".schema_migrations) AS latest`, [`"${schemaName}".half_done`]);
    expect(rows[0]).toEqual({ half_done: null, latest: EVENT_STORE_MIGRATIONS[EVENT_STORE_MIGRATIONS.length - 1]?.version });
  });
});

describe('one partition per district', () => {
  let stores: PostgresEventStore[];
  let store: PostgresEventStore;

  beforeAll(async () => {
    stores = await Promise.all([1, 2].map(() => PostgresEventStore.connect({ connection: { connectionString, max: 4 }, schema: schemaName })));
    store = stores[0] as PostgresEventStore;
  });

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
  });

  it('given a new district, when two processes append its first events at the same moment, then both succeed and it gets exactly one partition holding its events', async () => {
    const district = aDistrict();
    const before = await partitionsOfEvents();
    await Promise.all(stores.flatMap((store) => [1, 2, 3].map(() => store.append(aStreamName(), [anEvent({ metadata: { district } })], { expectedRevision: 'no-stream' }))));
    const added = (await partitionsOfEvents()).filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(new RegExp(`^events_${district}_[0-9a-f]{8}$`));
    const { rows } = await admin.query(`SELECT count(*)::int AS count, min(district) AS district FROM "${schemaName}".${added[0]}`);
    expect(rows[0]).toEqual({ count: 6, district });
  });

  it('given a district whose partition was dropped with its streams, when a store that knew it appends again, then the partition is created anew', async () => {
    const district = aDistrict();
    await store.append(aStreamName(), [anEvent({ metadata: { district } })], { expectedRevision: 'no-stream' });
    const { rows } = await admin.query(`SELECT partition_name FROM "${schemaName}".districts WHERE district = $1`, [district]);
    await admin.query(`BEGIN; DROP TABLE "${schemaName}".${rows[0].partition_name}; DELETE FROM "${schemaName}".streams WHERE district = '${district}';
      DELETE FROM "${schemaName}".districts WHERE district = '${district}'; COMMIT;`);
    const stream = aStreamName();
    await store.append(stream, [anEvent({ metadata: { district } })], { expectedRevision: 'no-stream' });
    expect(await store.readStream(stream, { district })).toHaveLength(1);
  });

  it('given a district code with characters outside identifiers, then its partition name is sanitised and still unique', async () => {
    const districts = ['Arlon/Marche', 'arlon-marche'];
    for (const district of districts) await store.append(aStreamName(), [anEvent({ metadata: { district } })], { expectedRevision: 'no-stream' });
    const { rows } = await admin.query(`SELECT partition_name FROM "${schemaName}".districts WHERE district = ANY($1) ORDER BY district`, [districts]);
    expect(rows.map((row) => row.partition_name)).toEqual([expect.stringMatching(/^events_arlon_marche_[0-9a-f]{8}$/), expect.stringMatching(/^events_arlon_marche_[0-9a-f]{8}$/)]);
    expect(new Set(rows.map((row) => row.partition_name)).size).toBe(2);
  });
});
