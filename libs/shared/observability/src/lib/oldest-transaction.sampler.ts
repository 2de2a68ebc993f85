import { LienMetrics, OLDEST_TRANSACTION_AGE_SQL } from './lien-metrics';
import { processMetrics } from './process-telemetry';

/** What the sampler needs of a `pg` pool: one query. */
export interface SqlQueryable {
  query(sql: string): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/**
 * Samples, at each scrape, the age of the oldest open transaction on the event store's PostgreSQL.
 * Gap-safe readers (relay, projections) do not read past a transaction still open, so a long one
 * stalls them all: alert above 5 s. Returns the function that stops sampling.
 */
export function sampleOldestTransaction(database: SqlQueryable, metrics: LienMetrics = processMetrics()): () => void {
  return metrics.addSampler(async () => {
    const { rows } = await database.query(OLDEST_TRANSACTION_AGE_SQL);
    metrics.oldestTransactionAge.set(Number(rows[0]?.['seconds'] ?? 0));
  });
}
