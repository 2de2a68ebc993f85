import { DataSource, EntityManager } from 'typeorm';
import { Inbox, InboxOutcome } from '@lien/shared-messaging';

/**
 * The processed-messages record of the reporting consumer, in the read model's own transaction: the
 * message id is inserted first, then the effect runs in the same transaction, so a redelivered message
 * finds its id and changes nothing, and a failed effect leaves no id behind.
 */
export class TypeOrmInbox extends Inbox<EntityManager> {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    super();
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('unsafe schema name');
    this.table = `${schema}.inbox`;
  }

  async handleOnce(groupId: string, messageId: string, effect: (tx: EntityManager) => Promise<void>): Promise<InboxOutcome> {
    let outcome: InboxOutcome = 'handled';
    await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(`INSERT INTO ${this.table} (consumer_group, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`, [groupId, messageId]);
      if (inserted.length === 0) {
        outcome = 'duplicate';
        return;
      }
      await effect(manager);
    });
    return outcome;
  }

  /** For a rebuild: the group's record of what it handled goes with the facts it built. */
  async forget(groupId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM ${this.table} WHERE consumer_group = $1`, [groupId]);
  }
}
