/**
 * The little the SQL event store needs from a PostgreSQL-compatible database, so the same SQL runs on a
 * `pg` pool (PostgreSQL) and on an embedded PGlite.
 */
export interface SqlQueryable {
  /** One statement with `$n` parameters; rows as objects keyed by column name. */
  query<Row extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** A script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlDatabase extends SqlQueryable {
  /** Runs `work` between BEGIN and COMMIT on one connection; rolls back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

/** The fields both drivers put on a server error. */
export interface SqlErrorFields {
  readonly code?: string;
  readonly constraint?: string;
  readonly message?: string;
}

export function sqlErrorFields(error: unknown): SqlErrorFields {
  return typeof error === 'object' && error !== null ? (error as SqlErrorFields) : {};
}
