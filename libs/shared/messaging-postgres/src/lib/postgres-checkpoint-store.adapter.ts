import { Checkpoint } from '@lien/shared-event-store';
import { CheckpointStore } from '@lien/shared-messaging';
import { Pool } from 'pg';
import { identifier } from './sql-identifier';

export interface PostgresCheckpointStoreOptions {
  /** The service's own schema, e.g. `referrals`. */
  readonly schema: string;
  readonly table?: string;
}

/** Relay checkpoints in one table of the service's schema, one row per relay. */
export class PostgresCheckpointStore extends CheckpointStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresCheckpointStoreOptions,
  ) {
    super();
    this.table = `${identifier(options.schema)}.${identifier(options.table ?? 'relay_checkpoints')}`;
  }

  /** Creates the schema and table when absent; safe to call at every start. */
  async migrate(): Promise<void> {
    await this.pool.query(`create schema if not exists ${identifier(this.options.schema)}`);
    await this.pool.query(
      `create table if not exists ${this.table} (relay_name text primary key, checkpoint text not null, updated_at timestamptz not null default now())`,
    );
  }

  async load(relayName: string): Promise<Checkpoint | undefined> {
    const { rows } = await this.pool.query<{ checkpoint: string }>(`select checkpoint from ${this.table} where relay_name = $1`, [relayName]);
    return rows[0]?.checkpoint as Checkpoint | undefined;
  }

  async save(relayName: string, checkpoint: Checkpoint): Promise<void> {
    await this.pool.query(
      `insert into ${this.table} (relay_name, checkpoint) values ($1, $2)
       on conflict (relay_name) do update set checkpoint = excluded.checkpoint, updated_at = now()`,
      [relayName, checkpoint],
    );
  }
}
