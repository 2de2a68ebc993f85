import { DataSource } from 'typeorm';
import { assertIdentifier, DEFAULT_SERVICE_ROLE, districtIsolationSql, serviceRoleSql } from '@lien/shared-read-model';

export const DEFAULT_ASSESSMENTS_READ_SCHEMA = 'lien_assessments_read';

/** Where the service's read model lives, and the non-owner role it is read and written as. */
export class AssessmentsReadModelTables {
  readonly schema: string;
  readonly role: string;
  readonly deadlines: string;
  readonly checkpoints: string;

  constructor(options: { readonly schema?: string; readonly serviceRole?: string } = {}) {
    this.schema = assertIdentifier(options.schema ?? DEFAULT_ASSESSMENTS_READ_SCHEMA);
    this.role = assertIdentifier(options.serviceRole ?? DEFAULT_SERVICE_ROLE);
    this.deadlines = `${this.schema}.report_deadlines`;
    this.checkpoints = `${this.schema}.projection_checkpoints`;
  }
}

/** Idempotent: run at every start. The deadlines table is district-isolated by row-level security. */
export async function migrateAssessmentsReadModel(dataSource: DataSource, tables: AssessmentsReadModelTables): Promise<void> {
  await dataSource.query(serviceRoleSql(tables.role));
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${tables.schema}`);
  await dataSource.query(`GRANT USAGE ON SCHEMA ${tables.schema} TO ${tables.role}`);
  await dataSource.query(`CREATE TABLE IF NOT EXISTS ${tables.deadlines} (
    district text NOT NULL, case_id text NOT NULL, kind text NOT NULL, due_on date NOT NULL,
    task_raised_on date, report_sent_on date,
    PRIMARY KEY (district, case_id, kind, due_on))`);
  for (const statement of districtIsolationSql(tables.deadlines, tables.role)) await dataSource.query(statement);
  await dataSource.query(`CREATE TABLE IF NOT EXISTS ${tables.checkpoints} (projection text PRIMARY KEY, checkpoint text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
  await dataSource.query(`GRANT SELECT, INSERT, UPDATE ON ${tables.checkpoints} TO ${tables.role}`);
}
