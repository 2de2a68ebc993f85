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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One consumer group member per subscription, handling records one at a time and committing after each. */
class KafkaTopicSubscription implements TopicSubscription {
  readonly done: Promise<void>;
  private stopping = false;
  private consumer?: StringKeyConsumer;
  private stream?: StringKeyStream;
  private wake?: () => void;

  constructor(
    private readonly options: KafkaConsumerOptions,
    private readonly subscription: SubscribeToTopicsOptions,
    private readonly firstStream: { consumer: StringKeyConsumer; stream: StringKeyStream },
  ) {
    this.done = this.run();
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

  private async consume(stream: StringKeyStream): Promise<void> {
    for await (const message of stream as AsyncIterable<Message<string, Buffer, string, string>>) {
      if (this.stopping) return;
      try {
        await this.subscription.handler(toIncoming(message));
      } catch (error) {
        throw new HandlerFailed(error);
      }
      // Committed only now, after the effect: a crash before this line redelivers the record.
      await message.commit();
    }
  }

  private async disconnect(): Promise<void> {
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
