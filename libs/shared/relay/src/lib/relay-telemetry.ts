import { SpanKind } from '@opentelemetry/api';
import { Checkpoint, EventFilter, EventStore } from '@lien/shared-event-store';
import { OutgoingMessage } from '@lien/shared-messaging';
import { countEventsAfter, failSpan, kafkaAttributes, LienAttributes, processMetrics, startSpan } from '@lien/shared-observability';

export interface TracedBatch {
  readonly messages: OutgoingMessage[];
  end(error?: unknown): void;
}

/**
 * One `send <topic>` producer span per record, child of the command's trace stored with the event;
 * the record then carries the producer span's `traceparent`, so the consumer becomes its child.
 * The spans end when the broker acknowledged the batch, or fail when the attempt failed.
 */
export function tracePublish(messages: readonly OutgoingMessage[]): TracedBatch {
  const started = messages.map((message) => {
    const { span, traceparent } = startSpan(`send ${message.topic}`, SpanKind.PRODUCER, message.headers['traceparent'], {
      ...kafkaAttributes('send', message.topic, message.headers['ce_id']),
      ...(message.headers['ce_district'] ? { [LienAttributes.district]: message.headers['ce_district'] } : {}),
      ...(message.headers['ce_type'] ? { [LienAttributes.eventType]: message.headers['ce_type'] } : {}),
    });
    return { span, message: traceparent ? { ...message, headers: { ...message.headers, traceparent } } : message };
  });
  return {
    messages: started.map((s) => s.message),
    end: (error) => started.forEach(({ span }) => (error === undefined ? span.end() : failSpan(span, error))),
  };
}

/** At each scrape: events in the store (of the relay's filter) after the checkpoint it saved last. */
export function sampleRelayLag(relay: string, store: EventStore, filter: EventFilter | undefined, saved: () => Checkpoint): () => void {
  const metrics = processMetrics();
  return metrics.addSampler(async () => {
    metrics.relayLag.set({ relay }, await countEventsAfter(store, saved(), filter));
  });
}
