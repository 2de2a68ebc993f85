import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { requiredEnv } from '@lien/shared-testing';
import { districtIsolationSql, serviceRoleSql } from './district-isolation.sql';
import { DistrictScopedDatabase } from './district-scoped-database';

describe('row-level security keyed by a transaction-local district', () => {
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  const schema = `rls_${suffix}`;
  const role = `lien_svc_${suffix}`;
  const table = `${schema}.cases`;
  let dataSource: DataSource;
  let db: DistrictScopedDatabase;

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: requiredEnv('DATABASE_URL'), extra: { max: 4 } });
    await dataSource.initialize();
    await dataSource.query(serviceRoleSql(role));
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    await dataSource.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    await dataSource.query(`CREATE TABLE ${table} (id text PRIMARY KEY, district text NOT NULL, label text NOT NULL)`);
    for (const statement of districtIsolationSql(table, role)) await dataSource.query(statement);
    // Seeded as the owner, as a migration would; the service role never sees across districts.
    await dataSource.query(`INSERT INTO ${table} VALUES ('a', 'luxembourg', 'A'), ('b', 'namur', 'B'), ('c', 'luxembourg', 'C')`);
    db = new DistrictScopedDatabase(dataSource, role);
  });

  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource.query(`DROP ROLE IF EXISTS ${role}`);
    await dataSource.destroy();
  });

  it('given rows of two districts, when a query forgets its district filter, then it sees only its own district', async () => {
    const rows = await db.inDistrict('luxembourg', (m) => m.query(`SELECT id FROM ${table} ORDER BY id`));
    expect(rows).toEqual([{ id: 'a' }, { id: 'c' }]);
  });

  it('given the service role without any district set, when it reads everything, then it gets nothing', async () => {
    const rows = await dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL ROLE ${role}`);
      return m.query(`SELECT id FROM ${table}`);
    });
    expect(rows).toEqual([]);
  });

  it('given a district with no rows, when it reads everything, then it gets nothing', async () => {
    expect(await db.inDistrict('hainaut', (m) => m.query(`SELECT id FROM ${table}`))).toEqual([]);
  });

  it('given a unit of work of one district, when it writes a row of another district, then PostgreSQL refuses it', async () => {
    await expect(db.inDistrict('namur', (m) => m.query(`INSERT INTO ${table} VALUES ('x', 'luxembourg', 'X')`))).rejects.toThrow(/row-level security/);
  });

  it('given a unit of work, when it ends, then the district setting does not leak to the next one on the pooled connection', async () => {
    await db.inDistrict('namur', async () => undefined);
    const [row] = await dataSource.query(`SELECT current_setting('lien.district', true) AS district`);
    expect(row.district === null || row.district === '').toBe(true);
  });

  it('given a unit of work, when it updates rows of another district by id, then nothing changes', async () => {
    const result = await db.inDistrict('namur', (m) => m.query(`UPDATE ${table} SET label = 'hacked' WHERE id = 'a' RETURNING id`));
    expect(result[0]).toEqual([]);
    const [row] = await dataSource.query(`SELECT label FROM ${table} WHERE id = 'a'`);
    expect(row.label).toBe('A');
  });
});
