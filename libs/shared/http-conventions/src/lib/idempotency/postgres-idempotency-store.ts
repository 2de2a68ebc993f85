import { IdempotencyClaim, IdempotencyRequest, IdempotencyStore, StoredResponse } from './idempotency-store.port';

/** The one call the store needs: a `pg` pool wrapper or the embedded PGlite queue both offer it. */
export interface IdempotencySql {
  query<Row extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface PostgresIdempotencyStoreOptions {
  /** The service's schema, e.g. `lien_referrals`. */
  readonly schema: string;
  /** An attempt that neither completed nor failed for this long (its process died) may be taken over. Default 60 s. */
  readonly abandonedAfterSeconds?: number;
  /** How long an answer is kept for retries. Default 24 h. */
  readonly retainForSeconds?: number;
}

interface KeyRow {
  fingerprint: string;
  state: 'in-progress' | 'completed';
  status: number | null;
  headers: Record<string, string> | null;
  body: { value: unknown } | null;
}

/** `Idempotency-Key`s in PostgreSQL, one row per (scope, key); the primary key arbitrates racing first attempts. */
export class PostgresIdempotencyStore extends IdempotencyStore {
  private readonly table: string;

  constructor(
    private readonly sql: IdempotencySql,
    private readonly options: PostgresIdempotencyStoreOptions,
  ) {
    super();
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error('invalid idempotency schema name');
    this.table = `${options.schema}.idempotency_keys`;
  }

  async migrate(): Promise<void> {
    await this.sql.query(`CREATE SCHEMA IF NOT EXISTS ${this.options.schema}`);
    await this.sql.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
      scope text NOT NULL, key text NOT NULL, fingerprint text NOT NULL,
      state text NOT NULL CHECK (state IN ('in-progress', 'completed')),
      status int, headers jsonb, body jsonb,
      claimed_at timestamptz NOT NULL DEFAULT now(), completed_at timestamptz,
      PRIMARY KEY (scope, key))`);
  }

  async claim(request: IdempotencyRequest): Promise<IdempotencyClaim> {
    // One statement: a fresh key is inserted; an abandoned attempt of the same request or an expired answer is taken over.
    const claimed = await this.sql.query(
      `INSERT INTO ${this.table} AS k (scope, key, fingerprint, state) VALUES ($1, $2, $3, 'in-progress')
       ON CONFLICT (scope, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, state = 'in-progress', claimed_at = now(),
         status = NULL, headers = NULL, body = NULL, completed_at = NULL
       WHERE (k.state = 'in-progress' AND k.fingerprint = EXCLUDED.fingerprint AND k.claimed_at < now() - make_interval(secs => $4))
          OR (k.state = 'completed' AND k.completed_at < now() - make_interval(secs => $5))
       RETURNING 1 AS claimed`,
      [request.scope, request.key, request.fingerprint, this.options.abandonedAfterSeconds ?? 60, this.options.retainForSeconds ?? 86_400],
    );
    if (claimed.length > 0) return { outcome: 'claimed' };
    const [row] = await this.sql.query<KeyRow>(`SELECT fingerprint, state, status, headers, body FROM ${this.table} WHERE scope = $1 AND key = $2`, [request.scope, request.key]);
    // Released between the two statements: the caller simply tries again as a new attempt.
    if (!row) return this.claim(request);
    if (row.fingerprint !== request.fingerprint) return { outcome: 'mismatch' };
    if (row.state === 'in-progress') return { outcome: 'in-progress' };
    return { outcome: 'replay', response: { status: row.status ?? 200, headers: row.headers ?? {}, body: row.body?.value ?? null } };
  }

  async complete(request: IdempotencyRequest, response: StoredResponse): Promise<void> {
    await this.sql.query(
      `UPDATE ${this.table} SET state = 'completed', status = $4, headers = $5, body = $6, completed_at = now()
       WHERE scope = $1 AND key = $2 AND fingerprint = $3`,
      // Wrapped, so that a body of `null` or a bare string is stored as JSON too.
      [request.scope, request.key, request.fingerprint, response.status, JSON.stringify(response.headers), JSON.stringify({ value: response.body })],
    );
  }

  async release(request: IdempotencyRequest): Promise<void> {
    await this.sql.query(`DELETE FROM ${this.table} WHERE scope = $1 AND key = $2 AND fingerprint = $3 AND state = 'in-progress'`, [request.scope, request.key, request.fingerprint]);
  }
}
