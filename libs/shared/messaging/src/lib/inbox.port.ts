/** What an idempotent handling returned: the effect was applied now, or had been applied before. */
export type InboxOutcome = 'handled' | 'duplicate';

/**
 * Remembers which messages a consumer group has handled, in the same transaction as the handler's
 * effect: either both are stored or neither, so a redelivered message never doubles an effect.
 * `Tx` is the adapter's transaction handle (a PostgreSQL client in a transaction).
 */
export abstract class Inbox<Tx> {
  /**
   * Runs `effect` in a transaction that also records `(groupId, messageId)`. When that pair is already
   * recorded, `effect` is not run. A rejection of `effect` rolls both back.
   */
  abstract handleOnce(groupId: string, messageId: string, effect: (tx: Tx) => Promise<void>): Promise<InboxOutcome>;
}
