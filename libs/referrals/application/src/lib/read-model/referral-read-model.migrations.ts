import { districtIsolationSql, DEFAULT_SERVICE_ROLE } from '@lien/shared-read-model';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The read model's schema is the data source's `schema` option, so each service (and each test suite) has its own. */
function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('unsafe read-model schema name');
  return schema;
}

export class CreateReferralReadModel1772409600000 implements MigrationInterface {
  name = 'CreateReferralReadModel1772409600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await queryRunner.query(`CREATE TABLE ${schema}.referrals (
      id uuid PRIMARY KEY,
      district text NOT NULL,
      division text,
      status text NOT NULL,
      mandant_type text NOT NULL,
      mandate_reference text NOT NULL,
      legal_basis text NOT NULL,
      decision_date date NOT NULL,
      case_id uuid,
      decline_reason text,
      outcome text,
      child_count int NOT NULL,
      adult_count int NOT NULL,
      protective_measure_count int NOT NULL,
      earliest_report_due date,
      registered_at timestamptz NOT NULL,
      waitlisted_at timestamptz,
      accepted_at timestamptz,
      ended_at timestamptz,
      detail jsonb NOT NULL,
      revision bigint NOT NULL)`);
    await queryRunner.query(`CREATE INDEX referrals_by_status ON ${schema}.referrals (district, status, registered_at DESC, id)`);
    await queryRunner.query(`CREATE INDEX referrals_waiting_list ON ${schema}.referrals (district, waitlisted_at, id) WHERE status = 'WAITLISTED'`);
    await queryRunner.query(`CREATE TABLE ${schema}.projection_checkpoints (name text PRIMARY KEY, checkpoint text NOT NULL)`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${DEFAULT_SERVICE_ROLE}`);
    // Checkpoints say how far the log was read, nothing about a case: no district policy on them.
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON ${schema}.projection_checkpoints TO ${DEFAULT_SERVICE_ROLE}`);
    for (const statement of districtIsolationSql(`${schema}.referrals`)) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${schema}.projection_checkpoints`);
    await queryRunner.query(`DROP TABLE ${schema}.referrals`);
  }
}

export const REFERRAL_READ_MODEL_MIGRATIONS = [CreateReferralReadModel1772409600000];
