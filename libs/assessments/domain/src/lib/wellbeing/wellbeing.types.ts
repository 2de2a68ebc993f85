import { Personal } from '../case-file/case-file.types';

export const WELLBEING_DIMENSIONS = ['psychological', 'physical', 'emotional'] as const;
export type WellbeingDimension = (typeof WELLBEING_DIMENSIONS)[number];

/** Ordered from worst to best, so a trend can compare two levels by rank. */
export const WELLBEING_LEVELS = ['critical', 'fragile', 'stable', 'good'] as const;
export type WellbeingLevel = (typeof WELLBEING_LEVELS)[number];

export function wellbeingRank(level: WellbeingLevel): number {
  return WELLBEING_LEVELS.indexOf(level);
}

export interface DimensionAssessment {
  readonly level: WellbeingLevel;
  /** Neutral, factual observations of the practitioner. */
  readonly observations: Personal<string>;
  /** The child's own words, as said; null when the child said nothing about it. */
  readonly childWords: Personal<string> | null;
}

export type WellbeingDimensions = Readonly<Record<WellbeingDimension, DimensionAssessment>>;
