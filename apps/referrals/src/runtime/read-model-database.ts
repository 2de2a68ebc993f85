import { REFERRAL_READ_MODEL_ENTITIES, REFERRAL_READ_MODEL_MIGRATIONS } from '@lien/referrals-application';
import { serviceRoleSql } from '@lien/shared-read-model';
import { DataSource } from 'typeorm';

/**
 * Opens the read-model database and brings its schema up to date. Migrations run under an advisory
 * lock, so replicas starting together apply each migration once.
 */
export async function openReadModelDatabase(databaseUrl: string, schema: string): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    schema,
    entities: REFERRAL_READ_MODEL_ENTITIES,
    migrations: REFERRAL_READ_MODEL_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    extra: { max: 6 },
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`lien-read-model:${schema}`]);
    await ensureServiceRole(dataSource);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`lien-read-model:${schema}`]).catch(() => undefined);
    await runner.release();
  }
  return dataSource;
}

/** The role is cluster-wide: another service may create it at the same moment, and then it simply exists. */
async function ensureServiceRole(dataSource: DataSource): Promise<void> {
  try {
    await dataSource.query(serviceRoleSql());
  } catch {
    await dataSource.query(serviceRoleSql());
  }
}
