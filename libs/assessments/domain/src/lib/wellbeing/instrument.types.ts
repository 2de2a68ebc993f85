/**
 * A standardised instrument as the registry (`config/instruments/*.json`) describes it: its scales and
 * their ranges only. Item texts are licensed (e.g. the SDQ's, © Youthinmind) and never stored.
 */
export interface InstrumentScale {
  readonly code: string;
  /** French label, as printed in the report to the mandant. */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Whether a rising score means the child is doing better (SDQ prosocial) or worse (SDQ difficulties). */
  readonly higherIsBetter: boolean;
  /** A derived scale is the sum of these scales; it is computed, never typed in. */
  readonly sumOf?: readonly string[];
}

export interface InstrumentDefinition {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  /** Who may answer it, e.g. `parent`, `teacher`, `self`; empty when the instrument does not say. */
  readonly respondents: readonly string[];
  readonly scales: readonly InstrumentScale[];
}

export type InstrumentRegistry = Readonly<Record<string, InstrumentDefinition>>;

/** Scores as typed in: the measured scales only. */
export interface InstrumentScoresInput {
  readonly instrumentId: string;
  readonly respondent?: string;
  readonly scores: Readonly<Record<string, number>>;
}

/** Scores as recorded: measured and derived scales, under the instrument version used. */
export interface InstrumentScores {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly respondent: string | null;
  readonly scores: Readonly<Record<string, number>>;
}
