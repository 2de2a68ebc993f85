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

/** How long others wait for a connection idle inside its transaction before they are failed (never the holder). */
const DEFAULT_HOLD_TIMEOUT_MS = 30_000;

/** A PostgreSQL ErrorResponse (FATAL, lock_not_available): the pg client reports it as the query's error. */
function errorResponse(message: string): Uint8Array {
  const fields = Buffer.concat([
    Buffer.from('SFATAL\0VFATAL\0C55P03\0'),
    Buffer.from(`M${message}\0`),
    Buffer.from('\0'),
  ]);
  const header = Buffer.alloc(5);
  header[0] = 0x45; // 'E'
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}

/**
 * PGlite has one session. pglite-socket's own queue hands it to whichever connection sent the next
 * message, so two pg clients' extended-protocol exchanges (Parse, Bind, Execute, Sync) interleave and
 * fail ("unnamed prepared statement does not exist"). This queue gives the session to one connection
 * from its first message until PGlite answers ReadyForQuery idle: an exchange or a transaction runs
 * whole, the others wait their turn, as on a server with a single backend.
 *
 * A transaction is never committed or split on its holder's behalf: what it commits is exactly what it
 * wrote. A holder that waits, inside its transaction, for work queued behind it on another connection
 * of the same PGlite can never go on; after `holdTimeoutMs` the waiting connections are failed with a
 * clear error (and closed), like a lock timeout on a server, so the fault shows instead of a hang. The
 * host keeps the event stores in a PGlite of their own so that no caller needs this (ADR 0013).
 */
export class SessionQueue {
  private readonly waiting: (Waiting & { readonly since: number })[] = [];
  private owner: number | undefined;
  private ownerStatus: number | undefined;
  private ownerIdleSince = 0;
  private holdTimer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly db: PGlite,
    private readonly holdTimeoutMs = DEFAULT_HOLD_TIMEOUT_MS,
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ handlerId, message, onData, resolve, reject, since: Date.now() });
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
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
    this.release();
    void this.pump();
  }

  stop(): void {
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
  }

  private release(): void {
    this.owner = undefined;
    this.ownerStatus = undefined;
  }

  private next(): Waiting | undefined {
    const index = this.owner === undefined ? 0 : this.waiting.findIndex((w) => w.handlerId === this.owner);
    if (index < 0) this.watchHold();
    return index < 0 ? undefined : this.waiting.splice(index, 1)[0];
  }

  /** The owner sits inside its transaction while others wait: watch that it does not last forever. */
  private watchHold(): void {
    const inTransaction = this.ownerStatus !== undefined && this.ownerStatus !== IDLE;
    if (!inTransaction || this.waiting.length === 0 || this.holdTimer) return;
    const oldest = Math.min(...this.waiting.map((w) => w.since));
    const due = Math.max(this.ownerIdleSince, oldest) + this.holdTimeoutMs - Date.now();
    this.holdTimer = setTimeout(() => this.checkHold(), Math.max(0, due));
    this.holdTimer.unref();
  }

  private checkHold(): void {
    this.holdTimer = undefined;
    const owner = this.owner;
    const now = Date.now();
    const ownerMoved = this.running || owner === undefined || this.waiting.some((w) => w.handlerId === owner);
    if (ownerMoved || now - this.ownerIdleSince < this.holdTimeoutMs) return void this.pump().then(() => this.watchHold());
    const seconds = Math.round(this.holdTimeoutMs / 1000);
    const message = `embedded database: waited ${seconds} s for another connection's open transaction, which itself waits; failed instead of committing it (ADR 0013)`;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const item = this.waiting[i];
      if (!item || now - item.since < this.holdTimeoutMs) continue;
      this.waiting.splice(i, 1);
      item.onData(errorResponse(message));
      item.reject(new Error(message));
    }
    this.watchHold();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        this.owner = item.handlerId;
        const chunks: Buffer[] = [];
        try {
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

  constructor(db: PGlite, options: { holdTimeoutMs?: number } = {}) {
    this.queue = new SessionQueue(db, options.holdTimeoutMs);
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
    this.queue.stop();
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
