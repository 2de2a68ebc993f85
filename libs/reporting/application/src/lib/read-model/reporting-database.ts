import { serviceRoleSql } from '@lien/shared-read-model';
import { DataSource } from 'typeorm';
import { REPORTING_FACT_ENTITIES } from './reporting-entities';
import { REPORTING_READ_MODEL_MIGRATIONS } from './reporting-read-model.migrations';
import { REPORTING_STATE_ENTITIES } from './reporting-state.entities';

/**
 * Opens the reporting read model in `schema` and migrates it. Migrations run under an advisory lock,
 * so replicas starting together apply each one once.
 */
export async function openReportingDatabase(databaseUrl: string, schema: string): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    schema,
    entities: [...REPORTING_FACT_ENTITIES, ...REPORTING_STATE_ENTITIES],
    migrations: REPORTING_READ_MODEL_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    extra: { max: 6 },
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`lien-read-model:${schema}`]);
    // The role is cluster-wide: another service may create it at the same moment, and then it simply exists.
    await dataSource.query(serviceRoleSql()).catch(() => dataSource.query(serviceRoleSql()));
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`lien-read-model:${schema}`]).catch(() => undefined);
    await runner.release();
  }
  return dataSource;
}
