import { SqlDatabase, SqlQueryable } from '@lien/shared-event-store-sql';
import { Pool, PoolClient } from 'pg';

/** A `pg` pool as the SQL event store's database: each query on any free connection, transactions on one. */
export class PgPoolDatabase implements SqlDatabase {
  constructor(readonly pool: Pool) {}

  async query<Row extends object>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(text, params as unknown[])).rows as Row[];
  }

  async exec(script: string): Promise<void> {
    await this.pool.query(script);
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(new PgClientQueryable(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection whose ROLLBACK failed is in an unknown state: destroy it instead of pooling it.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** One connection the caller holds, possibly inside a transaction it opened and will end itself. */
export class PgClientQueryable implements SqlDatabase {
  constructor(private readonly client: Pick<PoolClient, 'query'>) {}

  async query<Row extends object>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.client.query(text, params as unknown[])).rows as Row[];
  }

  async exec(script: string): Promise<void> {
    await this.client.query(script);
  }

  /** Already inside the caller's transaction: the work simply joins it. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return work(this);
  }
}
