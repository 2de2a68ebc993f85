import { createServer, Server, Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';

interface Waiting {
  readonly handlerId: number;
  readonly message: Uint8Array;
  readonly onData: (data: Uint8Array) => void;
  readonly resolve: (bytes: number) => void;
  readonly reject: (error: Error) => void;
}

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'

/** The transaction status of the last ReadyForQuery in a backend response, if it has one. */
function readyStatus(response: Buffer): number | undefined {
  let status: number | undefined;
  for (let at = 0; at + 5 <= response.length; ) {
    const length = response.readInt32BE(at + 1);
    if (response[at] === READY_FOR_QUERY && length === 5) status = response[at + 5];
    at += 1 + length;
  }
  return status;
}

/** How long a connection may sit idle inside its transaction while others wait, before it is split. */
const IDLE_IN_TRANSACTION_MS = 50;

/**
 * PGlite has one session. pglite-socket's own queue hands it to whichever connection sent the next
 * message, so two pg clients' extended-protocol exchanges (Parse, Bind, Execute, Sync) interleave and
 * fail ("unnamed prepared statement does not exist"). This queue gives the session to one connection
 * from its first message until PGlite answers ReadyForQuery idle: an exchange or a transaction runs
 * whole, the others wait their turn, as on a server with a single backend.
 *
 * One pattern needs more: a consumer records a message in its inbox inside a transaction on one
 * connection and, before committing, appends the effect through another (the event store's pool). On
 * a server these are two backends; here the second would wait forever for the first. So a connection
 * idle inside its transaction for IDLE_IN_TRANSACTION_MS while others wait has what it wrote so far
 * committed, the others take their turns, and its next message reopens a transaction first. Its
 * transaction is then two; the others' commits stay exactly as acknowledged (ADR 0013).
 */
export class SessionQueue {
  private readonly waiting: Waiting[] = [];
  private owner: number | undefined;
  private ownerStatus: number | undefined;
  private ownerIdleSince = 0;
  /** Connections whose transaction was committed early: their next message reopens one. */
  private readonly split = new Set<number>();
  private splitTimer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  getQueueLength(): number {
    return this.waiting.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const item = this.waiting[i];
      if (item?.handlerId !== handlerId) continue;
      this.waiting.splice(i, 1);
      item.reject(new Error('connection closed'));
    }
  }

  /** A connection gone in the middle of its turn: roll back what it left open and let the others in. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    this.split.delete(handlerId);
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
    this.release();
    void this.pump();
  }

  private release(): void {
    this.owner = undefined;
    this.ownerStatus = undefined;
  }

  private next(): Waiting | undefined {
    const index = this.owner === undefined ? 0 : this.waiting.findIndex((w) => w.handlerId === this.owner);
    if (index < 0) this.splitLater();
    return index < 0 ? undefined : this.waiting.splice(index, 1)[0];
  }

  /** The owner waits inside its transaction and others wait for it: split it if that lasts. */
  private splitLater(): void {
    const inTransaction = this.ownerStatus !== undefined && this.ownerStatus !== IDLE;
    if (!inTransaction || this.waiting.length === 0 || this.splitTimer) return;
    const owner = this.owner;
    this.splitTimer = setTimeout(() => {
      this.splitTimer = undefined;
      const idleFor = Date.now() - this.ownerIdleSince;
      if (this.running || this.owner !== owner || owner === undefined || idleFor < IDLE_IN_TRANSACTION_MS || this.waiting.some((w) => w.handlerId === owner)) return void this.pump();
      void this.commitEarly(owner);
    }, IDLE_IN_TRANSACTION_MS);
  }

  /** PGlite's exec takes its own lock (not runExclusive); `running` keeps the queue out meanwhile. */
  private async commitEarly(owner: number): Promise<void> {
    this.running = true;
    try {
      await this.db.exec('COMMIT');
      this.split.add(owner);
      this.release();
    } catch {
      // Left as it was: the owner's next message meets its transaction as it left it.
    } finally {
      this.running = false;
    }
    await this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        this.owner = item.handlerId;
        const chunks: Buffer[] = [];
        try {
          if (this.split.delete(item.handlerId)) await this.db.exec('BEGIN');
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                chunks.push(Buffer.from(data));
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.release();
          item.reject(error instanceof Error ? error : new Error(String(error)));
          continue;
        }
        const response = Buffer.concat(chunks);
        const status = readyStatus(response);
        if (status !== undefined) this.ownerStatus = status;
        if (status === IDLE) this.release();
        this.ownerIdleSince = Date.now();
        item.resolve(response.length);
      }
    } finally {
      this.running = false;
    }
  }
}

/** A loopback PostgreSQL server on one PGlite: the services reach it through the drivers they use on a real server. */
export class PGliteSessionServer {
  private readonly queue: SessionQueue;
  private readonly handlers = new Set<PGLiteSocketHandler>();
  private server: Server | undefined;

  constructor(db: PGlite) {
    this.queue = new SessionQueue(db);
  }

  async start(host = '127.0.0.1'): Promise<string> {
    const server = createServer((socket: Socket) => void this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address !== 'object') throw new Error('the embedded database has no address');
    return `${host}:${address.port}`;
  }

  async stop(): Promise<void> {
    for (const handler of this.handlers) await handler.detach(true);
    this.handlers.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async accept(socket: Socket): Promise<void> {
    // pglite-socket types its queue as its own class; ours has the same methods.
    const handler = new PGLiteSocketHandler({ queryQueue: this.queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'], closeOnDetach: true });
    this.handlers.add(handler);
    const forget = () => this.handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    await handler.attach(socket);
  }
}
