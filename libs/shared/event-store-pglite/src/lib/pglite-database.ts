import { PGlite, Transaction } from '@electric-sql/pglite';
import { SqlDatabase, SqlQueryable } from '@lien/shared-event-store-sql';
import { ExclusiveQueue } from './exclusive-queue';

/**
 * PGlite is a single backend session: there is no second connection to isolate one transaction from
 * another, so a query sent while a transaction is open would run inside it. Every statement and every
 * transaction therefore takes its turn in one queue; a transaction keeps the turn until it commits or
 * rolls back, and its statements go through the transaction handle, never back through the queue.
 */
export class PgliteDatabase implements SqlDatabase {
  private readonly turns = new ExclusiveQueue();

  constructor(readonly pglite: PGlite) {}

  query<Row extends object>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.turns.run(async () => (await this.pglite.query<Row>(text, [...params])).rows);
  }

  exec(script: string): Promise<void> {
    return this.turns.run(async () => void (await this.pglite.exec(script)));
  }

  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.turns.run(() => this.pglite.transaction((tx) => work(new PgliteTransactionQueryable(tx))));
  }
}

class PgliteTransactionQueryable implements SqlQueryable {
  constructor(private readonly tx: Transaction) {}

  async query<Row extends object>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.tx.query<Row>(text, [...params])).rows;
  }

  async exec(script: string): Promise<void> {
    await this.tx.exec(script);
  }
}
