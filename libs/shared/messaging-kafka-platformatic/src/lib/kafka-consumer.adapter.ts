import { IncomingMessage, MessageConsumer, SubscribeToTopicsOptions, TopicSubscription } from '@lien/shared-messaging';
import { Consumer, Message, MessagesStream, stringDeserializer } from '@platformatic/kafka';
import { baseOptions, KafkaConnectionOptions } from './kafka-options';

type StringKeyConsumer = Consumer<string, Buffer, string, string>;
type StringKeyStream = MessagesStream<string, Buffer, string, string>;

export interface KafkaConsumerOptions extends KafkaConnectionOptions {
  /**
   * A member that stops heartbeating is dropped from its group after this (ms, default 10 000; the
   * client's own default is 60 000). A member that lost its broker rejoins as a new member, and the
   * group waits for the old one to time out before it hands out partitions again: short keeps
   * failover short, above the broker's minimum (6 000).
   */
  readonly sessionTimeoutMs?: number;
  /**
   * How often handled offsets are committed (ms, default 500). Committing after every record stalls
   * the client's fetching (hundreds of ms per record at 200 records/s, measured); a later commit only
   * widens what a crash redelivers, and redeliveries are absorbed by the idempotent handlers.
   */
  readonly commitIntervalMs?: number;
  /** Wait before rejoining after the broker went away (ms); doubles up to 5 s. */
  readonly reconnectDelayMs?: number;
  /** Called when the connection to the broker is lost and the member rejoins; no personal data in it. */
  readonly onReconnect?: (error: unknown) => void;
}

/** Marks the handler's own failure apart from a broker failure: only the broker's is retried here. */
class HandlerFailed extends Error {
  constructor(readonly original: unknown) {
    super('handler failed');
  }
}

function toIncoming(message: Message<string, Buffer, string, string>): IncomingMessage {
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One consumer group member per subscription, handling records one at a time and committing after each. */
class KafkaTopicSubscription implements TopicSubscription {
  readonly done: Promise<void>;
  private stopping = false;
  private consumer?: StringKeyConsumer;
  private stream?: StringKeyStream;
  private wake?: () => void;
  /** The last handled record of each partition, not committed yet. */
  private readonly handled = new Map<string, Message<string, Buffer, string, string>>();
  private readonly commitTimer: NodeJS.Timeout;

  constructor(
    private readonly options: KafkaConsumerOptions,
    private readonly subscription: SubscribeToTopicsOptions,
    private readonly firstStream: { consumer: StringKeyConsumer; stream: StringKeyStream },
  ) {
    this.commitTimer = setInterval(() => void this.commitHandled(), options.commitIntervalMs ?? 500);
    this.commitTimer.unref();
    this.done = this.run().finally(() => clearInterval(this.commitTimer));
    // A subscription stopped by a handler failure is awaited by whoever watches `done`, not here.
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.disconnect();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let delay = this.options.reconnectDelayMs ?? 500;
    let current: { consumer: StringKeyConsumer; stream: StringKeyStream } | undefined = this.firstStream;
    while (!this.stopping) {
      try {
        current ??= await openStream(this.options, this.subscription);
        this.consumer = current.consumer;
        this.stream = current.stream;
        if (this.stopping) break;
        await this.consume(current.stream);
        delay = this.options.reconnectDelayMs ?? 500;
        if (this.stopping) break;
      } catch (error) {
        if (error instanceof HandlerFailed) {
          await this.disconnect();
          throw error.original;
        }
        if (this.stopping) break;
        // The broker went away (restart, network): rejoin from the committed offsets. What was handled
        // but not yet committed comes again, and the idempotent handlers absorb it.
        this.options.onReconnect?.(error);
      }
      await this.disconnect();
      current = undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void sleep(delay).then(() => resolve());
      });
      delay = Math.min(delay * 2, 5_000);
    }
    await this.disconnect();
  }

  /**
   * Partitions are handled side by side, each strictly in order: one chain of handler calls per
   * partition. One chain for all would let a slow read model cap the whole group at one transaction
   * at a time. The number of records read ahead is bounded, so a slow handler slows the fetching.
   */
  private async consume(stream: StringKeyStream): Promise<void> {
    const chains = new Map<string, Promise<void>>();
    let inFlight = 0;
    let failure: HandlerFailed | undefined;
    let space: (() => void) | undefined;
    for await (const message of stream as AsyncIterable<Message<string, Buffer, string, string>>) {
      if (this.stopping || failure) break;
      const partition = `${message.topic}:${message.partition}`;
      inFlight++;
      const handled = (chains.get(partition) ?? Promise.resolve())
        .then(async () => {
          // After a failure nothing more is handled: the rest of the partition comes again.
          if (failure || this.stopping) return;
          try {
            await this.subscription.handler(toIncoming(message));
            // Marked for commit only now, after the effect: a crash before the next commit redelivers it.
            this.handled.set(partition, message);
          } catch (error) {
            failure ??= new HandlerFailed(error);
            void stream.close().catch(() => undefined);
          }
        })
        .finally(() => {
          inFlight--;
          space?.();
        });
      chains.set(partition, handled);
      while (inFlight >= MAX_READ_AHEAD && !failure && !this.stopping) await new Promise<void>((resolve) => (space = resolve));
    }
    await Promise.all(chains.values());
    if (failure) throw failure;
  }

  /** Commits offset + 1 of the last handled record per partition. A failed commit means a redelivery. */
  private async commitHandled(): Promise<void> {
    const messages = [...this.handled.values()];
    this.handled.clear();
    await Promise.all(messages.map((m) => Promise.resolve(m.commit()).catch(() => undefined)));
  }

  private async disconnect(): Promise<void> {
    // What was handled is committed before leaving, so the next member does not redo it.
    await this.commitHandled();
    const { stream, consumer } = this;
    this.stream = undefined;
    this.consumer = undefined;
    await stream?.close().catch(() => undefined);
    await consumer?.close(true).catch(() => undefined);
  }
}

async function openStream(options: KafkaConsumerOptions, subscription: SubscribeToTopicsOptions): Promise<{ consumer: StringKeyConsumer; stream: StringKeyStream }> {
  const sessionTimeout = options.sessionTimeoutMs ?? 10_000;
  const consumer: StringKeyConsumer = new Consumer({
    ...baseOptions(options),
    groupId: subscription.groupId,
    sessionTimeout,
    rebalanceTimeout: sessionTimeout * 2,
    heartbeatInterval: Math.max(500, Math.floor(sessionTimeout / 10)),
    deserializers: { key: stringDeserializer, headerKey: stringDeserializer, headerValue: stringDeserializer },
  });
  try {
    // `committed` resumes each partition after the group's last commit; a new group starts at the beginning.
    const stream = await consumer.consume({ topics: [...subscription.topics], mode: 'committed', fallbackMode: 'earliest', autocommit: false });
    return { consumer, stream };
  } catch (error) {
    await consumer.close(true).catch(() => undefined);
    throw error;
  }
}

export class KafkaMessageConsumer extends MessageConsumer {
  private readonly subscriptions = new Set<TopicSubscription>();

  constructor(private readonly options: KafkaConsumerOptions) {
    super();
  }

  async subscribe(subscription: SubscribeToTopicsOptions): Promise<TopicSubscription> {
    // The first join happens here, so a wrong broker address or topic fails the caller at once.
    const first = await openStream(this.options, subscription);
    const running = new KafkaTopicSubscription(this.options, subscription, first);
    this.subscriptions.add(running);
    void running.done.finally(() => this.subscriptions.delete(running)).catch(() => undefined);
    return running;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }
}
