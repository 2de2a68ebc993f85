import { newDataKey } from './field-cipher';
import { KeyStore, PersonErased } from './key-store.port';

/** The one call the key store needs; the event store's SQL databases (pg pool, PGlite queue) offer it. */
export interface KeySqlQueryable {
  query<Row extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

/**
 * Keys in their own schema, apart from the events, so that backups and grants can treat them apart.
 * Erasure deletes the key bytes and keeps a tombstone row, so the key can never be recreated.
 */
export class PostgresKeyStore extends KeyStore {
  constructor(
    private readonly db: KeySqlQueryable,
    private readonly schema = 'lien_keys',
  ) {
    super();
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('invalid key schema name');
  }

  async migrate(): Promise<void> {
    await this.db.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
    await this.db.query(`CREATE TABLE IF NOT EXISTS ${this.schema}.person_keys (
      subject text PRIMARY KEY, district text NOT NULL, data_key bytea, created_at timestamptz NOT NULL DEFAULT now(), erased_at timestamptz,
      CHECK ((data_key IS NULL) = (erased_at IS NOT NULL)))`);
  }

  async keyFor(subject: string, district: string): Promise<Buffer> {
    const inserted = await this.db.query<{ data_key: Buffer }>(
      `INSERT INTO ${this.schema}.person_keys (subject, district, data_key) VALUES ($1, $2, $3) ON CONFLICT (subject) DO NOTHING RETURNING data_key`,
      [subject, district, newDataKey()],
    );
    if (inserted[0]) return inserted[0].data_key;
    // A separate statement: its snapshot sees the row a racing writer just committed.
    const existing = await this.db.query<{ data_key: Buffer | null }>(`SELECT data_key FROM ${this.schema}.person_keys WHERE subject = $1`, [subject]);
    const key = existing[0]?.data_key;
    if (!key) throw new PersonErased();
    return key;
  }

  async existingKeys(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    const rows = await this.db.query<{ subject: string; data_key: Buffer }>(
      `SELECT subject, data_key FROM ${this.schema}.person_keys WHERE subject = ANY($1) AND data_key IS NOT NULL`,
      [subjects],
    );
    return new Map(rows.map((r) => [r.subject, r.data_key]));
  }

  async erase(subject: string, district: string): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.schema}.person_keys (subject, district, data_key, erased_at) VALUES ($1, $2, NULL, now())
       ON CONFLICT (subject) DO UPDATE SET data_key = NULL, erased_at = COALESCE(${this.schema}.person_keys.erased_at, now())`,
      [subject, district],
    );
  }

  async isErased(subject: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM ${this.schema}.person_keys WHERE subject = $1 AND erased_at IS NOT NULL`, [subject]);
    return rows.length > 0;
  }
}
