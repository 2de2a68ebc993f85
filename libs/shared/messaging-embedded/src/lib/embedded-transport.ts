import {
  IncomingMessage,
  MessageConsumer,
  MessageProducer,
  MessageTransport,
  OutgoingMessage,
  PartitionEndOffsets,
  SubscribeToTopicsOptions,
  TopicAdmin,
  TopicSpec,
  TopicSubscription,
} from '@lien/shared-messaging';
import { EmbeddedLog } from './embedded-log';

export class GroupAlreadyConsuming extends Error {
  constructor(groupId: string) {
    super(`Consumer group ${groupId} already has a member in this process`);
    this.name = 'GroupAlreadyConsuming';
  }
}

export class EmbeddedMessageProducer extends MessageProducer {
  constructor(private readonly log: EmbeddedLog) {
    super();
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    this.log.append(messages);
  }

  async close(): Promise<void> {
    // Nothing to release: the log belongs to the transport, not to the producer.
  }
}

/** One member per group: it owns every partition, so partitions are read in turn, each in order. */
class EmbeddedSubscription implements TopicSubscription {
  readonly done: Promise<void>;
  private stopping = false;
  private cancelWait?: () => void;

  constructor(
    private readonly log: EmbeddedLog,
    private readonly options: SubscribeToTopicsOptions,
  ) {
    this.done = this.run();
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.cancelWait?.();
    await this.done.catch(() => undefined);
  }

  private next(): IncomingMessage | undefined {
    for (const topic of this.options.topics) {
      for (const [partition, records] of this.log.partitions(topic).entries()) {
        const record = records[this.log.committedOffset(this.options.groupId, topic, partition)];
        if (record) return record;
      }
    }
    return undefined;
  }

  private async run(): Promise<void> {
    // Delivery starts on a later tick, as with a broker: `subscribe` returns before the first record.
    await Promise.resolve();
    while (!this.stopping) {
      const record = this.next();
      if (!record) {
        const wait = this.log.nextAppend();
        this.cancelWait = wait.cancel;
        // Re-check after registering, so an append between `next()` and here is not missed.
        if (this.next()) wait.cancel();
        await wait.promise;
        continue;
      }
      // A rejection ends the subscription here, before the commit: the record comes again next time.
      await this.options.handler(record);
      this.log.commit(this.options.groupId, record.topic, record.partition, Number(record.offset) + 1);
    }
  }
}

export class EmbeddedMessageConsumer extends MessageConsumer {
  private readonly active = new Map<string, EmbeddedSubscription>();

  constructor(private readonly log: EmbeddedLog) {
    super();
  }

  async subscribe(options: SubscribeToTopicsOptions): Promise<TopicSubscription> {
    if (this.active.has(options.groupId)) throw new GroupAlreadyConsuming(options.groupId);
    for (const topic of options.topics) this.log.partitions(topic);
    const subscription = new EmbeddedSubscription(this.log, options);
    this.active.set(options.groupId, subscription);
    void subscription.done.finally(() => this.active.delete(options.groupId)).catch(() => undefined);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.active.values()].map((s) => s.stop()));
  }
}

export class EmbeddedTopicAdmin extends TopicAdmin {
  constructor(private readonly log: EmbeddedLog) {
    super();
  }

  async createTopics(topics: readonly TopicSpec[]): Promise<void> {
    for (const topic of topics) this.log.createTopic(topic);
  }

  async endOffsets(topic: string): Promise<PartitionEndOffsets> {
    return new Map(this.log.partitions(topic).map((records, partition) => [partition, String(records.length)]));
  }

  async close(): Promise<void> {
    // Nothing to release: the log belongs to the transport, not to the admin.
  }
}

/** Kafka's semantics without Kafka: for the all-in-one process, local runs and fast tests. */
export function createEmbeddedTransport(log: EmbeddedLog = new EmbeddedLog()): MessageTransport & { readonly log: EmbeddedLog } {
  const consumer = new EmbeddedMessageConsumer(log);
  return {
    log,
    producer: new EmbeddedMessageProducer(log),
    consumer,
    admin: new EmbeddedTopicAdmin(log),
    async close() {
      await consumer.close();
    },
  };
}
