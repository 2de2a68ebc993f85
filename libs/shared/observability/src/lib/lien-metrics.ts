import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The signals an operator needs to find where an event stopped: in the service, the store, the relay,
 * Kafka, a consumer or a projection. Labels never carry personal data or case ids.
 */
export class LienMetrics {
  readonly registry = new Registry();

  readonly commandDuration = new Histogram({
    name: 'lien_command_duration_seconds',
    help: 'Time to handle a command, by command type and outcome',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'lien_event_store_append_duration_seconds',
    help: 'Time to append a batch to the event store',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });

  readonly appendConflicts = new Counter({ name: 'lien_event_store_append_conflicts_total', help: 'Appends refused for an unexpected stream revision', registers: [this.registry] });

  readonly relayLag = new Gauge({ name: 'lien_relay_lag_events', help: 'Events appended but not yet acknowledged by Kafka, per relay', labelNames: ['relay'] as const, registers: [this.registry] });

  readonly relayed = new Counter({ name: 'lien_relay_published_total', help: 'Records the broker acknowledged, per relay', labelNames: ['relay'] as const, registers: [this.registry] });

  readonly consumed = new Counter({ name: 'lien_consumer_messages_total', help: 'Records handled, per consumer group and outcome', labelNames: ['group', 'outcome'] as const, registers: [this.registry] });

  readonly consumerLag = new Gauge({ name: 'lien_consumer_lag_messages', help: 'Messages behind the topic end, per consumer group and topic', labelNames: ['group', 'topic'] as const, registers: [this.registry] });

  readonly projectionLag = new Histogram({
    name: 'lien_projection_lag_seconds',
    help: 'Time from append to read-model write, per projection',
    labelNames: ['projection'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly projectionLagEvents = new Gauge({
    name: 'lien_projection_lag_events',
    help: 'Events in the store after the checkpoint of a projection that follows the store (counted up to 1000)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({ name: 'lien_dead_letters_total', help: 'Messages sent to a dead-letter topic', labelNames: ['group', 'topic'] as const, registers: [this.registry] });

  /** Gap-safe readers stall behind the oldest open transaction of the PostgreSQL instance: alert above 5 s. */
  readonly oldestTransactionAge = new Gauge({ name: 'lien_postgres_oldest_transaction_age_seconds', help: 'Age of the oldest open transaction on the event store PostgreSQL', registers: [this.registry] });

  /** Gauges read at scrape time (lags, oldest transaction): each sampler sets its gauges when asked. */
  private readonly samplers = new Set<Sampler>();

  constructor(serviceName: string) {
    this.registry.setDefaultLabels({ service: serviceName });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Registers a scrape-time sampler; the returned function removes it (when its relay or consumer stops). */
  addSampler(sampler: Sampler): () => void {
    this.samplers.add(sampler);
    return () => void this.samplers.delete(sampler);
  }

  /**
   * The Prometheus text after every sampler ran. A sampler that fails or hangs past `timeoutMs` leaves
   * its gauges at their last value: a scrape never fails because one dependency is slow.
   */
  async scrape(timeoutMs = SAMPLE_TIMEOUT_MS): Promise<string> {
    await Promise.allSettled([...this.samplers].map((sampler) => withTimeout(sampler(), timeoutMs)));
    return this.registry.metrics();
  }

  async timeCommand<T>(command: string, work: () => Promise<T>): Promise<T> {
    const stop = this.commandDuration.startTimer({ command });
    try {
      const result = await work();
      stop({ outcome: 'ok' });
      return result;
    } catch (error) {
      stop({ outcome: error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'error' });
      throw error;
    }
  }
}

export type Sampler = () => Promise<void>;

const SAMPLE_TIMEOUT_MS = 2000;

function withTimeout(work: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** The query behind `oldestTransactionAge`: every database of the instance counts, as it does for xmin. */
export const OLDEST_TRANSACTION_AGE_SQL = `SELECT COALESCE(EXTRACT(EPOCH FROM max(now() - xact_start)), 0)::float8 AS seconds
  FROM pg_stat_activity WHERE xact_start IS NOT NULL AND pid <> pg_backend_pid()`;
