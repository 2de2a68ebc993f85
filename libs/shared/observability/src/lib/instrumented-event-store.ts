import { SpanKind } from '@opentelemetry/api';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  StreamRevisionConflict,
  StreamVerification,
  SubscribeOptions,
  Subscription,
} from '@lien/shared-event-store';
import { LienMetrics } from './lien-metrics';
import { processMetrics } from './process-telemetry';
import { LienAttributes } from './span-attributes';
import { currentTraceparent, inSpan } from './telemetry';

/**
 * The event store port, measured: each append runs in a span (district, stream, revision; never the
 * data), is timed, and counts a revision conflict. The events are stamped with the append span's
 * `traceparent`, so the relay and every consumer continue the trace of the command that caused them.
 */
export class InstrumentedEventStore extends EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly system: string,
    private readonly metrics: LienMetrics = processMetrics(),
  ) {
    super();
  }

  async append(streamName: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const attributes = {
      'db.system.name': this.system,
      'db.operation.name': 'append',
      'db.operation.batch.size': events.length,
      [LienAttributes.stream]: streamName,
      ...(events[0] ? { [LienAttributes.district]: events[0].metadata.district } : {}),
    };
    const stop = this.metrics.appendDuration.startTimer();
    try {
      return await inSpan('event-store append', SpanKind.CLIENT, undefined, attributes, async (span) => {
        const traceparent = currentTraceparent();
        const stamped = traceparent ? events.map((event) => ({ ...event, metadata: { ...event.metadata, traceparent } })) : events;
        const result = await this.inner.append(streamName, stamped, options);
        span.setAttribute(LienAttributes.revision, result.nextExpectedRevision.toString());
        return result;
      });
    } catch (error) {
      if (error instanceof StreamRevisionConflict) this.metrics.appendConflicts.inc();
      throw error;
    } finally {
      stop();
    }
  }

  readStream<Data extends JsonObject = JsonObject>(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent<Data>[]> {
    return this.inner.readStream<Data>(streamName, options);
  }

  readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    return this.inner.readAll(options);
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }

  verifyStream(streamName: string, options: { readonly district: string }): Promise<StreamVerification> {
    return this.inner.verifyStream(streamName, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

const DB_SYSTEMS: Readonly<Record<string, string>> = { postgres: 'postgresql', pglite: 'postgresql', kurrentdb: 'kurrentdb' };

/** An opened event store whose `store` (what services append to) is measured and traced; the rest unchanged. */
export function withInstrumentedStore<T extends { readonly store: EventStore; readonly adapter?: string }>(opened: T): T {
  return { ...opened, store: new InstrumentedEventStore(opened.store, DB_SYSTEMS[opened.adapter ?? ''] ?? 'postgresql') };
}
