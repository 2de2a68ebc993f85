import { Span, SpanKind } from '@opentelemetry/api';
import { IncomingMessage, TopicAdmin } from '@lien/shared-messaging';
import { inSpan, kafkaAttributes, LienAttributes, processMetrics } from '@lien/shared-observability';

/**
 * The `process <topic>` consumer span of one record: it continues the `traceparent` header (the
 * relay's producer span), so the consumer and its read-model write join the command's trace.
 */
export function inConsumerSpan<T>(groupId: string, message: IncomingMessage, work: (span: Span) => Promise<T>): Promise<T> {
  const attributes = {
    ...kafkaAttributes('process', message.topic, message.headers['ce_id'], message),
    'messaging.consumer.group.name': groupId,
    [LienAttributes.consumerGroup]: groupId,
    ...(message.headers['ce_district'] ? { [LienAttributes.district]: message.headers['ce_district'] } : {}),
    ...(message.headers['ce_type'] ? { [LienAttributes.eventType]: message.headers['ce_type'] } : {}),
  };
  return inSpan(`process ${message.topic}`, SpanKind.CONSUMER, message.headers['traceparent'], attributes, work);
}

/** The read-model write of one record: the inbox transaction in which the group applies its effect. */
export function inReadModelWriteSpan<T>(groupId: string, work: () => Promise<T>): Promise<T> {
  return inSpan(`read-model write ${groupId}`, SpanKind.INTERNAL, undefined, { 'db.operation.name': 'transaction', [LienAttributes.consumerGroup]: groupId }, work);
}

/** Time from the event (its CloudEvents `time`) to its effect in the read model. */
export function observeProjectionLag(groupId: string, eventTime: string, now: Date): void {
  const seconds = (now.getTime() - Date.parse(eventTime)) / 1000;
  if (Number.isFinite(seconds)) processMetrics().projectionLag.observe({ projection: groupId }, Math.max(0, seconds));
}

/**
 * Consumer lag per group and topic: end offset minus the next offset to handle, summed over partitions.
 * The port exposes no committed offsets: a partition this member has not handled yet counts from its
 * end when the member started, so records arriving since then show, an older backlog only once the
 * first of them is handled.
 */
export class ConsumerLagTracker {
  private readonly next = new Map<string, Map<number, bigint>>();
  private readonly startEnds = new Map<string, ReadonlyMap<number, string>>();

  constructor(
    private readonly groupId: string,
    topics: readonly string[],
  ) {
    for (const topic of topics) this.next.set(topic, new Map());
  }

  /** Where each partition ended at start; a topic that does not exist yet starts at 0. */
  async markStart(admin: TopicAdmin): Promise<void> {
    for (const topic of this.next.keys()) this.startEnds.set(topic, await admin.endOffsets(topic).catch(() => new Map<number, string>()));
  }

  handled(message: IncomingMessage): void {
    this.next.get(message.topic)?.set(message.partition, BigInt(message.offset) + 1n);
  }

  /** Samples on every scrape; returns the function that stops sampling. */
  sampleWith(admin: TopicAdmin): () => void {
    const metrics = processMetrics();
    return metrics.addSampler(async () => {
      for (const [topic, partitions] of this.next) {
        const ends = await admin.endOffsets(topic);
        let lag = 0n;
        for (const [partition, endText] of ends) {
          const end = BigInt(endText);
          const next = partitions.get(partition) ?? BigInt(this.startEnds.get(topic)?.get(partition) ?? '0');
          if (end > next) lag += end - next;
        }
        metrics.consumerLag.set({ group: this.groupId, topic }, Number(lag));
      }
    });
  }
}
