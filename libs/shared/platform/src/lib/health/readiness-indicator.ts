/**
 * A dependency that must answer before a service takes traffic (event store, broker, read-model database).
 * Each check is bounded by `timeoutMs` so a hung dependency reports "down" instead of hanging the probe.
 */
export interface ReadinessIndicator {
  readonly name: string;
  readonly timeoutMs?: number;
  check(): Promise<void>;
}

/** Nest injection token for the list of readiness indicators a service registers. */
export const READINESS_INDICATORS = Symbol('READINESS_INDICATORS');
