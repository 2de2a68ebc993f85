/**
 * A record on its way to a topic. Key and header values are UTF-8 text; the value is raw bytes.
 * Keys and headers are visible to every operator of the cluster: they never carry personal data.
 */
export interface OutgoingMessage {
  readonly topic: string;
  /** Decides the partition, and so the order: messages with the same key keep their order. */
  readonly key: string;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** A record as delivered to a consumer, with its place in the topic. */
export interface IncomingMessage extends OutgoingMessage {
  readonly partition: number;
  /** Decimal offset within the partition (Kafka offsets are 64-bit). */
  readonly offset: string;
}
