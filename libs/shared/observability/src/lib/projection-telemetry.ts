import { SpanKind } from '@opentelemetry/api';
import { EventStore, START, SubscribeOptions, Subscription } from '@lien/shared-event-store';
import { countEventsAfter } from './count-events-after';
import { LienMetrics } from './lien-metrics';
import { processMetrics } from './process-telemetry';
import { LienAttributes } from './span-attributes';
import { inSpan, outsideAnyTrace } from './telemetry';

/**
 * Subscribes a projection that follows the event store, measured: each event is applied in a
 * `project <name>` span continuing the trace stored with it, its delay from append to read-model write
 * is observed, and the events left to apply are sampled at each scrape. The loop itself runs outside
 * any trace (it belongs to no request).
 */
export function followProjection(name: string, store: EventStore, options: SubscribeOptions, metrics: LienMetrics = processMetrics()): Subscription {
  const subscription = outsideAnyTrace(() =>
    store.subscribe({
      ...options,
      handler: (event, checkpoint) => {
        const attributes = { [LienAttributes.district]: event.metadata.district, [LienAttributes.stream]: event.streamName, [LienAttributes.revision]: event.revision.toString(), [LienAttributes.eventType]: event.type };
        return inSpan(`project ${name}`, SpanKind.CONSUMER, event.metadata.traceparent, attributes, async () => {
          await options.handler(event, checkpoint);
          const seconds = (Date.now() - Date.parse(event.recordedAt)) / 1000;
          if (Number.isFinite(seconds)) metrics.projectionLag.observe({ projection: name }, Math.max(0, seconds));
        });
      },
    }),
  );
  const stopSampling = metrics.addSampler(async () => {
    metrics.projectionLagEvents.set({ projection: name }, await countEventsAfter(store, subscription.checkpoint() ?? START, options.filter));
  });
  subscription.done.finally(stopSampling).catch(() => undefined);
  return {
    done: subscription.done,
    checkpoint: () => subscription.checkpoint(),
    stop: async () => {
      stopSampling();
      await subscription.stop();
    },
  };
}
