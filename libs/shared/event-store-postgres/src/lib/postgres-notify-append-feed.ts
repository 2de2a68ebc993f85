import { InProcessAppendFeed, SqlQueryable } from '@lien/shared-event-store-sql';
import { Client, ClientConfig } from 'pg';
import { CoalescingNotifier } from './coalescing-notifier';

const RECONNECT_DELAY_MS = 1000;

/**
 * Wakes subscribers when any process appends. After an append of this process has committed, its own
 * subscribers are woken at once and the others by a `pg_notify` sent on the pool in the background
 * (coalesced, never awaited by the appender: a NOTIFY inside the append would serialise every append's
 * commit, see ADR 0003). One dedicated connection LISTENs. When that connection drops, it reconnects
 * after a pause; meanwhile subscribers fall back to polling, and every reconnect wakes them, since
 * appends may have gone unannounced.
 */
export class PostgresNotifyAppendFeed extends InProcessAppendFeed {
  private client: Client | undefined;
  private starting: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly notifier: CoalescingNotifier;

  /** `wakeDb` sends the wake-ups (the store's pool); `connection` opens the LISTEN connection. */
  constructor(
    private readonly connection: ClientConfig,
    private readonly channel: string,
    wakeDb: SqlQueryable,
  ) {
    super();
    this.notifier = new CoalescingNotifier(() => wakeDb.query(`SELECT pg_notify($1, '')`, [channel]));
  }

  override appendedHere(): void {
    super.appendedHere();
    this.notifier.request();
  }

  override start(): Promise<void> {
    this.starting ??= this.listen();
    return this.starting;
  }

  override async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.notifier.close();
    await this.starting?.catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    await super.close();
  }

  private async listen(): Promise<void> {
    const client = new Client(this.connection);
    client.on('notification', () => this.announce());
    client.on('error', () => this.reconnectLater(client));
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      this.reconnectLater(client);
      throw error;
    }
    if (this.closed) await client.end();
    else this.client = client;
  }

  private reconnectLater(client: Client): void {
    if (this.closed || this.reconnectTimer) return;
    client.end().catch(() => undefined);
    this.client = undefined;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.starting = this.listen().then(() => this.announce());
      this.starting.catch(() => undefined);
    }, RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }
}
