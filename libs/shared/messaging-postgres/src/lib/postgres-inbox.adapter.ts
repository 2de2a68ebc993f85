import { Inbox, InboxOutcome } from '@lien/shared-messaging';
import { Pool, PoolClient } from 'pg';
import { identifier } from './sql-identifier';

export interface PostgresInboxOptions {
  /** The consuming service's schema: the inbox lives beside the read model it protects. */
  readonly schema: string;
  readonly table?: string;
}

/**
 * The processed-messages table, keyed by (consumer group, ce_id). The key is inserted first in the
 * handler's transaction: a duplicate either finds the row (skipped) or, when the first delivery is
 * still running elsewhere, waits on the key's lock and then finds it. So one effect per message.
 */
export class PostgresInbox extends Inbox<PoolClient> {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresInboxOptions,
  ) {
    super();
    this.table = `${identifier(options.schema)}.${identifier(options.table ?? 'inbox')}`;
  }

  async migrate(): Promise<void> {
    await this.pool.query(`create schema if not exists ${identifier(this.options.schema)}`);
    await this.pool.query(
      `create table if not exists ${this.table} (
         consumer_group text not null,
         message_id text not null,
         handled_at timestamptz not null default now(),
         primary key (consumer_group, message_id))`,
    );
  }

  async handleOnce(groupId: string, messageId: string, effect: (tx: PoolClient) => Promise<void>): Promise<InboxOutcome> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      const inserted = await client.query(`insert into ${this.table} (consumer_group, message_id) values ($1, $2) on conflict do nothing`, [groupId, messageId]);
      if (inserted.rowCount === 0) {
        await client.query('rollback');
        return 'duplicate';
      }
      await effect(client);
      await client.query('commit');
      return 'handled';
    } catch (error) {
      // A failed rollback means a broken connection: it is destroyed instead of going back to the pool.
      await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async wasHandled(groupId: string, messageId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(`select 1 from ${this.table} where consumer_group = $1 and message_id = $2`, [groupId, messageId]);
    return (rowCount ?? 0) > 0;
  }
}
