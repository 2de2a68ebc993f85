import { IncomingMessage, SubscribeToTopicsOptions, TopicSubscription } from '@lien/shared-messaging';
import { Message } from '@platformatic/kafka';
import { KafkaConsumerOptions, openStream, StringKeyConsumer, StringKeyStream } from './kafka-group-member';

type StringKeyMessage = Message<string, Buffer, string, string>;

/** Marks the handler's own failure apart from a broker failure: only the broker's is retried here. */
class HandlerFailed extends Error {
  constructor(readonly original: unknown) {
    super('handler failed');
  }
}

function toIncoming(message: StringKeyMessage): IncomingMessage {
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset.toString(),
    key: message.key ?? '',
    value: message.value ?? null,
    headers: Object.fromEntries(message.headers),
  };
}

/** Records read but not yet handled, across the partitions of one member. */
const MAX_READ_AHEAD = 500;
/** A commit the client never settles (its connection is gone) must not hold a stop forever. */
const COMMIT_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * One consumer group member. Partitions are handled side by side, each strictly in order; offsets of
 * handled records are committed on a timer and before leaving. After a broker loss the member rejoins
 * from the committed offsets.
 */
export class KafkaTopicSubscription implements TopicSubscription {
  readonly done: Promise<void>;
  private stopping = false;
  private member?: { consumer: StringKeyConsumer; stream: StringKeyStream };
  private leaving?: Promise<void>;
  private wake?: () => void;
  /** One chain of handler calls per partition of the current member. */
  private chains = new Map<string, Promise<void>>();
  /** The last handled record of each partition, not committed yet. */
  private readonly handled = new Map<string, StringKeyMessage>();
  private readonly commitTimer: NodeJS.Timeout;

  constructor(
    private readonly options: KafkaConsumerOptions,
    private readonly subscription: SubscribeToTopicsOptions,
    first: { consumer: StringKeyConsumer; stream: StringKeyStream },
  ) {
    this.commitTimer = setInterval(() => void this.commitHandled(), options.commitIntervalMs ?? 500);
    this.commitTimer.unref();
    this.done = this.run(first).finally(() => clearInterval(this.commitTimer));
    // A subscription stopped by a handler failure is awaited by whoever watches `done`, not here.
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    // Handlers under way finish (no new one starts once stopping), so their records get committed.
    await Promise.all(this.chains.values());
    await this.leave();
    await this.done.catch(() => undefined);
  }

  private async run(first: { consumer: StringKeyConsumer; stream: StringKeyStream }): Promise<void> {
    let delay = this.options.reconnectDelayMs ?? 500;
    let next: typeof first | undefined = first;
    while (!this.stopping) {
      try {
        this.member = next ?? (await openStream(this.options, this.subscription));
        next = undefined;
        if (this.stopping) break;
        await this.consume(this.member.stream);
        delay = this.options.reconnectDelayMs ?? 500;
      } catch (error) {
        if (error instanceof HandlerFailed) {
          await this.leave();
          throw error.original;
        }
        if (this.stopping) break;
        // The broker went away (restart, network): rejoin from the committed offsets. What was handled
        // but not yet committed comes again, and the idempotent handlers absorb it.
        this.options.onReconnect?.(error);
      }
      await this.leave();
      if (this.stopping) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void sleep(delay).then(resolve);
      });
      delay = Math.min(delay * 2, 5_000);
    }
    await this.leave();
  }

  private async consume(stream: StringKeyStream): Promise<void> {
    this.chains = new Map();
    let inFlight = 0;
    let failure: HandlerFailed | undefined;
    let space: (() => void) | undefined;
    for await (const message of stream as AsyncIterable<StringKeyMessage>) {
      if (this.stopping || failure) break;
      const partition = `${message.topic}:${message.partition}`;
      inFlight++;
      const handled = (this.chains.get(partition) ?? Promise.resolve())
        .then(async () => {
          // After a failure, or once stopping, nothing more is handled: the rest comes again later.
          if (failure || this.stopping) return;
          try {
            await this.subscription.handler(toIncoming(message));
            // Marked for commit only now, after the effect: a crash before the next commit redelivers it.
            this.handled.set(partition, message);
          } catch (error) {
            failure ??= new HandlerFailed(error);
            // Ends the read loop even when no further record arrives; what was handled is committed first.
            void this.leave();
          }
        })
        .finally(() => {
          inFlight--;
          space?.();
        });
      this.chains.set(partition, handled);
      while (inFlight >= MAX_READ_AHEAD && !failure && !this.stopping) await new Promise<void>((resolve) => (space = resolve));
    }
    await Promise.all(this.chains.values());
    if (failure) throw failure;
  }

  /** Commits offset + 1 of the last handled record per partition, through the member that read it. */
  private async commitHandled(): Promise<void> {
    if (!this.member) return;
    const messages = [...this.handled.values()];
    this.handled.clear();
    await Promise.all(messages.map((m) => Promise.race([Promise.resolve(m.commit()).catch(() => undefined), sleep(COMMIT_TIMEOUT_MS)])));
  }

  /** Commits what was handled, then leaves the group. Concurrent calls share one leave. */
  private leave(): Promise<void> {
    this.leaving ??= (async () => {
      await this.commitHandled();
      const member = this.member;
      this.member = undefined;
      // Records handled after this point cannot be committed through a closed member: they come again.
      this.handled.clear();
      await member?.stream.close().catch(() => undefined);
      await member?.consumer.close(true).catch(() => undefined);
    })().finally(() => (this.leaving = undefined));
    return this.leaving;
  }
}
