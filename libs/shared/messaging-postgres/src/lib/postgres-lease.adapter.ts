import { Lease, LeaseProvider } from '@lien/shared-messaging';
import { Pool } from 'pg';

/**
 * A session-level advisory lock on a connection held for the lease's life: PostgreSQL releases it by
 * itself when that connection or its process dies, so a crashed holder never blocks a standby.
 */
export class PostgresLeaseProvider extends LeaseProvider {
  constructor(private readonly pool: Pool) {
    super();
  }

  async tryAcquire(name: string): Promise<Lease | undefined> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ acquired: boolean }>(`select pg_try_advisory_lock(hashtextextended($1, 0)) as acquired`, [`lien.lease:${name}`]);
      if (!rows[0]?.acquired) {
        client.release();
        return undefined;
      }
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    let released = false;
    return {
      async release() {
        if (released) return;
        released = true;
        try {
          // Unlocked explicitly: a destroyed connection frees the lock only once its backend has
          // exited, which a standby asking right after could still find held.
          await client.query(`select pg_advisory_unlock(hashtextextended($1, 0))`, [`lien.lease:${name}`]);
          client.release();
        } catch (error) {
          client.release(error as Error);
        }
      },
    };
  }
}
