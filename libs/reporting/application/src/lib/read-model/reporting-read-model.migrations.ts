import { DEFAULT_SERVICE_ROLE, districtIsolationSql } from '@lien/shared-read-model';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { FACT_TABLES } from './reporting-entities';

/** The read model's schema is the data source's `schema` option: one per service, one per test suite. */
export function readModelSchema(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('unsafe read-model schema name');
  return schema;
}

const FACT_COLUMNS: Readonly<Record<(typeof FACT_TABLES)[number], string>> = {
  referrals: `referral_id text NOT NULL, division text, mandant_type text, received_at timestamptz, waitlisted_at timestamptz, accepted_at timestamptz,
    case_id text, declined_at timestamptz, decline_reason text, withdrawn_at timestamptz, PRIMARY KEY (district, referral_id)`,
  cases: 'case_id text NOT NULL, division text, opened_at timestamptz, closed_at timestamptz, close_outcome text, PRIMARY KEY (district, case_id)',
  sessions: 'session_id text NOT NULL, case_id text NOT NULL, session_type text NOT NULL, outcome text NOT NULL, attributed_to text, occurred_at timestamptz NOT NULL, PRIMARY KEY (district, session_id)',
  incidents: 'incident_id text NOT NULL, case_id text NOT NULL, severity text NOT NULL, occurred_at timestamptz NOT NULL, PRIMARY KEY (district, incident_id)',
  bond_decisions: 'decision_id text NOT NULL, case_id text NOT NULL, outcome text NOT NULL, signed_at timestamptz NOT NULL, PRIMARY KEY (district, decision_id)',
  wellbeing_assessments: 'assessment_id text NOT NULL, case_id text NOT NULL, child_id text NOT NULL, assessed_on date NOT NULL, score int NOT NULL, PRIMARY KEY (district, assessment_id)',
  reports_sent: 'report_id text NOT NULL, version int NOT NULL, case_id text NOT NULL, due_on date, sent_on date NOT NULL, PRIMARY KEY (district, report_id, version)',
};

export class CreateReportingReadModel1772928000000 implements MigrationInterface {
  name = 'CreateReportingReadModel1772928000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = readModelSchema(queryRunner);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${DEFAULT_SERVICE_ROLE}`);
    for (const table of FACT_TABLES) {
      await queryRunner.query(`CREATE TABLE ${schema}.${table} (district text NOT NULL, ${FACT_COLUMNS[table]})`);
      for (const statement of districtIsolationSql(`${schema}.${table}`)) await queryRunner.query(statement);
    }
    // Ids of handled messages only, no case content: no district policy, as in every inbox.
    await queryRunner.query(`CREATE TABLE ${schema}.inbox (consumer_group text NOT NULL, message_id text NOT NULL, handled_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (consumer_group, message_id))`);
    await queryRunner.query(`CREATE TABLE ${schema}.consumer_generations (name text PRIMARY KEY, generation int NOT NULL)`);
    // Published reports are suppressed aggregates across districts, readable by the ministry path only.
    await queryRunner.query(`CREATE TABLE ${schema}.ministry_publications (granularity text NOT NULL, period_key text NOT NULL, report jsonb NOT NULL, published_at timestamptz NOT NULL, PRIMARY KEY (granularity, period_key))`);
    await queryRunner.query(`GRANT SELECT, INSERT ON ${schema}.inbox, ${schema}.ministry_publications TO ${DEFAULT_SERVICE_ROLE}`);
    await queryRunner.query(`GRANT SELECT ON ${schema}.consumer_generations TO ${DEFAULT_SERVICE_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = readModelSchema(queryRunner);
    for (const table of [...FACT_TABLES, 'inbox', 'consumer_generations', 'ministry_publications']) await queryRunner.query(`DROP TABLE IF EXISTS ${schema}.${table}`);
  }
}

export const REPORTING_READ_MODEL_MIGRATIONS = [CreateReportingReadModel1772928000000];
