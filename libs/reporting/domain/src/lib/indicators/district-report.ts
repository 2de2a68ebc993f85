import { CalendarPeriod } from '../period/calendar-period';
import { DistrictFacts } from '../facts/reporting-facts';
import { computeIndicators, DayWindow, IndicatorValues } from './district-indicators';
import { IndicatorDefinition, INDICATORS } from './indicator-catalogue';
import { summarise } from './statistics';

/** One indicator's raw figures for one period (or one division): what a district's own staff see. */
export interface RawIndicatorRow {
  readonly cells: Readonly<Record<string, number>>;
  readonly total: number;
  readonly median?: number;
  readonly p90?: number;
  /** Percentage, rounded to a whole number. */
  readonly share?: number;
  readonly capacity?: number;
  readonly occupancy?: number;
}

export interface DistrictReport {
  readonly district: string;
  readonly periods: ReadonlyArray<{ readonly period: CalendarPeriod; readonly indicators: Readonly<Record<string, RawIndicatorRow>> }>;
  /** The whole range requested, by division (`null`: referrals registered without a division). */
  readonly byDivision: ReadonlyArray<{ readonly division: string | null; readonly indicators: Readonly<Record<string, RawIndicatorRow>> }>;
}

export const percent = (part: number, whole: number) => Math.round((100 * part) / whole);

export function rawRow(definition: IndicatorDefinition, values: IndicatorValues, capacity: number): RawIndicatorRow {
  const total = Object.values(values.counts).reduce((a, b) => a + b, 0);
  const stats = values.durations ? summarise(values.durations) : undefined;
  const shareOf = definition.shareOf;
  return {
    cells: values.counts,
    total,
    ...(stats?.median !== undefined ? { median: stats.median } : {}),
    ...(stats?.p90 !== undefined ? { p90: stats.p90 } : {}),
    ...(shareOf && total > 0 ? { share: percent(values.counts[shareOf.category] ?? 0, total) } : {}),
    ...(definition.againstCapacity ? { capacity, ...(capacity > 0 ? { occupancy: percent(total, capacity) } : {}) } : {}),
  };
}

function rows(facts: DistrictFacts, window: DayWindow, capacity: number, division?: string | null): Record<string, RawIndicatorRow> {
  const set = computeIndicators(facts, window, division);
  return Object.fromEntries(INDICATORS.map((d) => [d.id, rawRow(d, set[d.id], capacity)]));
}

/**
 * A district's dashboard: raw figures, because its coordinators and practitioners may read the cases
 * themselves. Never served to the ministry, whose view goes through disclosure control.
 */
export function districtReport(facts: DistrictFacts, periods: readonly CalendarPeriod[], divisions: readonly string[], capacity: number): DistrictReport {
  const range: DayWindow = { firstDay: periods[0].firstDay, lastDay: periods[periods.length - 1].lastDay };
  const seen = new Set([...facts.referrals.map((r) => r.division), ...facts.cases.map((c) => c.division)]);
  const listed: (string | null)[] = [...divisions, ...[...seen].filter((d): d is string => d !== null && !divisions.includes(d)).sort()];
  if (seen.has(null)) listed.push(null);
  return {
    district: facts.district,
    periods: periods.map((period) => ({ period, indicators: rows(facts, period, capacity) })),
    byDivision: listed.map((division) => ({ division, indicators: rows(facts, range, capacity, division) })),
  };
}
