/** The transaction-local setting every read-model policy keys on. */
export const DISTRICT_SETTING = 'lien.district';

/** The non-owner role services act as inside every transaction; it never bypasses row-level security. */
export const DEFAULT_SERVICE_ROLE = 'lien_service';

const IDENTIFIER = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return name;
}

/** Idempotent: the service role exists, cannot log in, and does not bypass RLS. */
export function serviceRoleSql(role = DEFAULT_SERVICE_ROLE): string {
  assertIdentifier(role);
  return `DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} NOLOGIN NOBYPASSRLS; END IF;
  END $$`;
}

/**
 * Row-level security for a read-model table with a `district` column. A query that forgets its
 * district filter sees nothing, because without the setting the policy compares with NULL.
 */
export function districtIsolationSql(table: string, role = DEFAULT_SERVICE_ROLE): string[] {
  assertIdentifier(table);
  assertIdentifier(role);
  const predicate = `district = current_setting('${DISTRICT_SETTING}', true)`;
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `DROP POLICY IF EXISTS district_isolation ON ${table}`,
    `CREATE POLICY district_isolation ON ${table} USING (${predicate}) WITH CHECK (${predicate})`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${role}`,
  ];
}
