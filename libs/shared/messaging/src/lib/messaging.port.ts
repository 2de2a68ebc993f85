import { IncomingMessage, OutgoingMessage } from './message';

/** Sends records to topics. Adapters: Kafka (idempotent, acks=all) and the in-process embedded transport. */
export abstract class MessageProducer {
  /**
   * Resolves only once every record is acknowledged by all in-sync replicas: after that a broker
   * loss cannot lose them. A rejection means some may or may not be stored, so the caller sends all
   * of them again (consumers are idempotent on `ce_id`).
   */
  abstract send(messages: readonly OutgoingMessage[]): Promise<void>;
  abstract close(): Promise<void>;
}

/** Handles one record. Records of one partition arrive one at a time, in order. */
export type MessageHandler = (message: IncomingMessage) => Promise<void>;

export interface SubscribeToTopicsOptions {
  /** One consumer group per purpose: each group sees every record, its members share partitions. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: MessageHandler;
}

export interface TopicSubscription {
  /** Resolves when stopped; rejects with the handler's error, which stops the subscription. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** Consumer groups with manual offset commit. */
export abstract class MessageConsumer {
  /**
   * Starts a group member that reads from the group's committed offsets (the beginning for a new
   * group). A record's offset is committed only after its handler resolved, never before: a crash
   * redelivers at least the records whose handling was not finished. A handler rejection stops the
   * subscription without committing that record, so no record is skipped silently.
   */
  abstract subscribe(options: SubscribeToTopicsOptions): Promise<TopicSubscription>;
  abstract close(): Promise<void>;
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** Defaults to the cluster's default (1 on a single test broker). */
  readonly replicationFactor?: number;
}

/** The end of each partition: the offset the next record will get. */
export type PartitionEndOffsets = ReadonlyMap<number, string>;

export abstract class TopicAdmin {
  /** Creates the topics that do not exist yet; an existing topic is left as it is. */
  abstract createTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Where each partition of a topic currently ends: lets a tool read "everything up to now". */
  abstract endOffsets(topic: string): Promise<PartitionEndOffsets>;
  abstract close(): Promise<void>;
}

/** Everything a service needs from its message broker, as one injectable bundle. */
export interface MessageTransport {
  readonly producer: MessageProducer;
  readonly consumer: MessageConsumer;
  readonly admin: TopicAdmin;
  close(): Promise<void>;
}
