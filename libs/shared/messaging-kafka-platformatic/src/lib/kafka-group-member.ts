import { SubscribeToTopicsOptions } from '@lien/shared-messaging';
import { Consumer, MessagesStream, stringDeserializer } from '@platformatic/kafka';
import { baseOptions, clusterGroupId, KafkaConnectionOptions } from './kafka-options';

export type StringKeyConsumer = Consumer<string, Buffer, string, string>;
export type StringKeyStream = MessagesStream<string, Buffer, string, string>;

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

/** Joins the group and opens its record stream. */
export async function openStream(options: KafkaConsumerOptions, subscription: SubscribeToTopicsOptions): Promise<{ consumer: StringKeyConsumer; stream: StringKeyStream }> {
  const sessionTimeout = options.sessionTimeoutMs ?? 10_000;
  const consumer: StringKeyConsumer = new Consumer({
    ...baseOptions(options),
    groupId: clusterGroupId(options, subscription.groupId),
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
