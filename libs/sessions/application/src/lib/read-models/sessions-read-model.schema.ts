import { DataSource } from 'typeorm';
import { assertIdentifier, DEFAULT_SERVICE_ROLE, districtIsolationSql, serviceRoleSql } from '@lien/shared-read-model';

/** Where the sessions read models live; tests give each suite its own schema. */
export interface SessionsReadModelOptions {
  readonly schema: string;
  readonly serviceRole?: string;
}

export const DEFAULT_SESSIONS_READ_SCHEMA = 'lien_sessions_read';

export class SessionsReadModelTables {
  readonly calendar: string;
  readonly timeline: string;
  readonly participants: string;
  readonly checkpoints: string;
  readonly role: string;

  constructor(readonly options: SessionsReadModelOptions) {
    const schema = assertIdentifier(options.schema);
    this.calendar = `${schema}.calendar_sessions`;
    this.timeline = `${schema}.case_timeline`;
    this.participants = `${schema}.case_participants`;
    this.checkpoints = `${schema}.projection_checkpoints`;
    this.role = assertIdentifier(options.serviceRole ?? DEFAULT_SERVICE_ROLE);
  }
}

/** Idempotent: safe at every start, and when several instances start together. */
export async function migrateSessionsReadModels(dataSource: DataSource, tables: SessionsReadModelTables): Promise<void> {
  await ignoringConcurrentCreation(() => dataSource.query(serviceRoleSql(tables.role)));
  await ignoringConcurrentCreation(() => dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${assertIdentifier(tables.options.schema)}`));
  await dataSource.query(`GRANT USAGE ON SCHEMA ${tables.options.schema} TO ${tables.role}`);
  const statements = [
    `CREATE TABLE IF NOT EXISTS ${tables.calendar} (
      district text NOT NULL, session_id text NOT NULL, case_id text NOT NULL, session_type text NOT NULL, phase text NOT NULL,
      room_id text NOT NULL, starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL,
      practitioner_ids text[] NOT NULL, participant_ids text[] NOT NULL, separation jsonb NOT NULL,
      status text NOT NULL, interrupted boolean NOT NULL DEFAULT false, plan_revision bigint NOT NULL,
      PRIMARY KEY (district, session_id))`,
    `CREATE INDEX IF NOT EXISTS calendar_sessions_by_time ON ${tables.calendar} (district, starts_at)`,
    `CREATE TABLE IF NOT EXISTS ${tables.timeline} (
      district text NOT NULL, event_id text NOT NULL, case_id text NOT NULL, plan_revision bigint NOT NULL,
      occurred_at timestamptz NOT NULL, entry text NOT NULL, session_id text, details jsonb NOT NULL,
      PRIMARY KEY (district, event_id))`,
    `CREATE INDEX IF NOT EXISTS case_timeline_by_case ON ${tables.timeline} (district, case_id, plan_revision)`,
    `CREATE TABLE IF NOT EXISTS ${tables.participants} (
      district text NOT NULL, participant_id text NOT NULL, case_id text NOT NULL, role text NOT NULL,
      PRIMARY KEY (district, participant_id, case_id))`,
    `CREATE TABLE IF NOT EXISTS ${tables.checkpoints} (projection text PRIMARY KEY, checkpoint text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
  ];
  for (const statement of statements) await ignoringConcurrentCreation(() => dataSource.query(statement));
  for (const table of [tables.calendar, tables.timeline, tables.participants]) {
    for (const statement of districtIsolationSql(table, tables.role)) await dataSource.query(statement);
  }
  // The checkpoint is not district data: it is written in the same transaction as the district rows it covers.
  await dataSource.query(`GRANT SELECT, INSERT, UPDATE ON ${tables.checkpoints} TO ${tables.role}`);
}

/** `IF NOT EXISTS` still races in PostgreSQL catalogs: a concurrent creator wins, and that is fine. */
async function ignoringConcurrentCreation(statement: () => Promise<unknown>): Promise<void> {
  try {
    await statement();
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
    if (code !== '23505' && code !== '42710' && code !== '42P07') throw error;
  }
}
