/** Nearest-rank percentile (no interpolation): always a value that was observed, as `p` of the values are at or below it. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface DurationSummary {
  readonly n: number;
  readonly median?: number;
  readonly p90?: number;
}

export function summarise(durations: readonly number[]): DurationSummary {
  const m = median(durations);
  const p = percentile(durations, 90);
  return { n: durations.length, ...(m === undefined ? {} : { median: m }), ...(p === undefined ? {} : { p90: p }) };
}
