import { Checkpoint, START, EventFilter, EventStore, RecordedEvent, Subscription } from '@lien/shared-event-store';
import { CheckpointStore, Lease, LeaseProvider, MessageProducer, OutgoingMessage, TopicAdmin } from '@lien/shared-messaging';
import { outsideAnyTrace, processMetrics } from '@lien/shared-observability';
import { sampleRelayLag, tracePublish } from './relay-telemetry';
import { relayedMessage, Translator } from './translator';

export interface RelayOptions {
  /** Names the checkpoint row, e.g. `referrals-relay`. */
  readonly name: string;
  /** The publishing service, part of every topic name and `ce_source`. */
  readonly service: string;
  readonly store: EventStore;
  readonly producer: MessageProducer;
  readonly checkpoints: CheckpointStore;
  readonly translate: Translator;
  /** When given, each topic is created (3 partitions unless said) before the first record goes to it. */
  readonly admin?: TopicAdmin;
  readonly partitions?: number;
  readonly filter?: EventFilter;
  /** Records per producer request (default 500). */
  readonly maxBatch?: number;
  /** Events held in memory before the subscription waits for the broker (default 5 000). */
  readonly maxBuffered?: number;
  /** First wait after a failed send or save (ms, default 200), doubling up to 10 s. */
  readonly retryDelayMs?: number;
  /** When given, only the instance holding the lease named after the relay runs; others wait in standby. */
  readonly lease?: LeaseProvider;
  /** How often a standby asks for the lease (ms, default 2 000). */
  readonly leaseRetryMs?: number;
  /** A send or save failed and will be retried: for logs and metrics, never personal data. */
  readonly onRetry?: (error: unknown, attempt: number) => void;
}

interface Pending {
  readonly message?: OutgoingMessage;
  readonly checkpoint: Checkpoint;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The subscription-as-outbox relay of one service: follows its own event store from the saved
 * checkpoint, translates each event, produces it (idempotent, acks=all) and saves the checkpoint only
 * after the broker acknowledged everything up to it. At-least-once: a crash between ack and save sends
 * the same records again after restart, with the same `ce_id`, and the consumers' inbox absorbs them.
 */
export class Relay {
  private subscription?: Subscription;
  private readonly pending: Pending[] = [];
  private flushing?: Promise<void>;
  private readonly knownTopics = new Set<string>();
  private spaceWaiters: (() => void)[] = [];
  private killed = false;
  private relayed = 0;
  private lease?: Lease;
  private standingBy = true;
  /** The checkpoint saved last: the relay lag counts the events after it. */
  private saved: Checkpoint = START;
  private stopSampling: () => void = () => undefined;

  constructor(private readonly options: RelayOptions) {}

  /** Records acknowledged by the broker since start (checkpoint-only entries excluded). */
  get relayedCount(): number {
    return this.relayed;
  }

  /**
   * Resolves once the relay is active: at once without a lease provider, otherwise when this instance
   * holds the lease (a standby keeps asking until then, or until stopped).
   */
  async start(): Promise<void> {
    if (this.options.lease) {
      while (!this.killed && !(this.lease = await this.options.lease.tryAcquire(this.options.name))) {
        if (!this.standingBy) return;
        await sleep(this.options.leaseRetryMs ?? 2_000);
      }
      if (this.killed || !this.standingBy) return this.releaseLease();
    }
    const after = await this.options.checkpoints.load(this.options.name);
    this.saved = after ?? START;
    this.stopSampling = sampleRelayLag(this.options.name, this.options.store, this.options.filter, () => this.saved);
    this.subscription = outsideAnyTrace(() => this.options.store.subscribe({
      ...(after !== undefined ? { after } : {}),
      ...(this.options.filter ? { filter: this.options.filter } : {}),
      handler: (event, checkpoint) => this.accept(event, checkpoint),
      // A filtered stretch with nothing to send still moves the checkpoint, so a restart skips it.
      onCheckpoint: async (checkpoint) => this.enqueue({ checkpoint }),
    }));
  }

  /** Resolves when stopped; rejects when the translator failed (the relay stops rather than skip an event). */
  get done(): Promise<void> {
    if (!this.subscription) return Promise.reject(new Error('relay not started'));
    return this.subscription.done;
  }

  /** True while this instance is the one relaying (it holds the lease, or none is used). */
  get active(): boolean {
    return this.subscription !== undefined;
  }

  /** Stops following the store and waits until what was read is acknowledged and checkpointed. */
  async stop(): Promise<void> {
    this.standingBy = false;
    this.stopSampling();
    await this.subscription?.stop();
    await this.flushing;
    await this.releaseLease();
  }

  /** Stops at once, as a crash would: nothing more is sent or checkpointed. */
  async kill(): Promise<void> {
    this.killed = true;
    this.stopSampling();
    this.wakeSpaceWaiters();
    this.standingBy = false;
    await this.subscription?.stop();
    await this.flushing?.catch(() => undefined);
    await this.releaseLease();
  }

  private async releaseLease(): Promise<void> {
    const lease = this.lease;
    this.lease = undefined;
    await lease?.release();
  }

  private async accept(event: RecordedEvent, checkpoint: Checkpoint): Promise<void> {
    const contract = this.options.translate(event);
    const message = contract ? relayedMessage(this.options.service, event, contract) : undefined;
    await this.enqueue(message ? { message, checkpoint } : { checkpoint });
  }

  private async enqueue(entry: Pending): Promise<void> {
    if (this.killed) return;
    this.pending.push(entry);
    this.flushing ??= this.flush().finally(() => (this.flushing = undefined));
    // Back-pressure: while the broker is away the store is not read further than this.
    while (this.pending.length >= (this.options.maxBuffered ?? 5000) && !this.killed) {
      await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
    }
  }

  private async flush(): Promise<void> {
    const maxBatch = this.options.maxBatch ?? 500;
    while (this.pending.length > 0 && !this.killed) {
      const batch = this.pending.slice(0, maxBatch);
      const messages = batch.flatMap((entry) => (entry.message ? [entry.message] : []));
      if (messages.length > 0) {
        await this.retrying(() => this.ensureTopics(messages));
        await this.retrying(() => this.send(messages));
      }
      if (this.killed) return;
      this.relayed += messages.length;
      processMetrics().relayed.inc({ relay: this.options.name }, messages.length);
      const checkpoint = batch[batch.length - 1].checkpoint;
      await this.retrying(() => this.options.checkpoints.save(this.options.name, checkpoint));
      this.saved = checkpoint;
      this.pending.splice(0, batch.length);
      this.wakeSpaceWaiters();
    }
  }

  /** One attempt, traced: each record's producer span ends with the broker's answer. */
  private async send(messages: readonly OutgoingMessage[]): Promise<void> {
    const traced = tracePublish(messages);
    try {
      await this.options.producer.send(traced.messages);
      traced.end();
    } catch (error) {
      traced.end(error);
      throw error;
    }
  }

  private async ensureTopics(messages: readonly OutgoingMessage[]): Promise<void> {
    const admin = this.options.admin;
    if (!admin) return;
    const missing = [...new Set(messages.map((m) => m.topic))].filter((t) => !this.knownTopics.has(t));
    if (missing.length === 0) return;
    await admin.createTopics(missing.map((name) => ({ name, partitions: this.options.partitions ?? 3 })));
    for (const topic of missing) this.knownTopics.add(topic);
  }

  /** Retries until it works or the relay is killed: skipping would lose events, so the relay waits. */
  private async retrying(operation: () => Promise<void>): Promise<void> {
    let delay = this.options.retryDelayMs ?? 200;
    for (let attempt = 1; !this.killed; attempt++) {
      try {
        await operation();
        return;
      } catch (error) {
        if (this.killed) return;
        this.options.onRetry?.(error, attempt);
        await sleep(delay);
        delay = Math.min(delay * 2, 10_000);
      }
    }
  }

  private wakeSpaceWaiters(): void {
    const waiters = this.spaceWaiters;
    this.spaceWaiters = [];
    for (const wake of waiters) wake();
  }
}
