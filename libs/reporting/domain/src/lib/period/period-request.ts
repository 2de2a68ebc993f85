import { addDays, CalendarPeriod, Granularity, GRANULARITIES, isGranularity, parsePeriodKey, PERIOD_KEY_FORMAT, periodContaining, periodsBetween } from './calendar-period';
import { GranularityMustBeAllowed, PeriodMustBeAligned, PeriodMustBeClosed, PeriodMustBePublishable, PeriodMustNotBeInverted, PeriodRangeMustBeShort } from './reporting-errors';

/** What a caller asked for, as typed: every field optional, nothing trusted yet. */
export interface PeriodRequest {
  readonly granularity?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface PeriodRules {
  /** The granularities the caller's role may use, coarsest first. */
  readonly allowed: readonly Granularity[];
  /** Today's Belgian date: the clock is read by the caller, never here. */
  readonly today: string;
  readonly maxPeriods: number;
  /**
   * When set, a period is served only once it ended this many days ago (ministry): a period still
   * filling up would let two requests a day apart be subtracted to reveal that day's handful of cases.
   */
  readonly publicationDelayDays?: number;
}

/** The first day a period may be shown under `rules`. */
export function publishableFrom(period: CalendarPeriod, delayDays: number): string {
  return addDays(period.lastDay, 1 + delayDays);
}

function coarsest(allowed: readonly Granularity[]): Granularity {
  const sorted = GRANULARITIES.filter((g) => allowed.includes(g));
  if (sorted.length === 0) throw new Error('a role with no granularity at all cannot read indicators');
  return sorted[0];
}

function checkedGranularity(requested: string | undefined, allowed: readonly Granularity[]): Granularity {
  if (requested === undefined) return coarsest(allowed);
  if (!isGranularity(requested) || !allowed.includes(requested)) throw new GranularityMustBeAllowed(requested.slice(0, 20), allowed);
  return requested;
}

function parsed(field: 'from' | 'to', value: string, granularity: Granularity): CalendarPeriod {
  const period = parsePeriodKey(granularity, value);
  if (!period) throw new PeriodMustBeAligned(field, value.slice(0, 20), granularity, PERIOD_KEY_FORMAT[granularity]);
  return period;
}

function latestPublishable(granularity: Granularity, rules: PeriodRules): CalendarPeriod {
  let period = periodContaining(granularity, rules.today);
  const delay = rules.publicationDelayDays;
  if (delay === undefined) return period;
  while (publishableFrom(period, delay) > rules.today) period = periodContaining(granularity, addDays(period.firstDay, -1));
  return period;
}

/**
 * Turns a request into whole calendar periods, or throws the rule it breaks. Without bounds: the
 * current period (or, under a publication delay, the latest publishable one).
 */
export function resolvePeriods(request: PeriodRequest, rules: PeriodRules): CalendarPeriod[] {
  const granularity = checkedGranularity(request.granularity, rules.allowed);
  if (request.from === undefined && request.to === undefined) return [latestPublishable(granularity, rules)];
  if (request.from === undefined) throw new PeriodMustBeClosed('from');
  if (request.to === undefined) throw new PeriodMustBeClosed('to');
  const from = parsed('from', request.from, granularity);
  const to = parsed('to', request.to, granularity);
  if (from.firstDay > to.firstDay) throw new PeriodMustNotBeInverted(from.key, to.key);
  const count = countPeriods(from, to);
  if (count > rules.maxPeriods) throw new PeriodRangeMustBeShort(count, rules.maxPeriods);
  const periods = periodsBetween(from, to);
  const delay = rules.publicationDelayDays;
  if (delay !== undefined) {
    const unpublished = periods.find((p) => publishableFrom(p, delay) > rules.today);
    if (unpublished) throw new PeriodMustBePublishable(unpublished.key, publishableFrom(unpublished, delay));
  }
  return periods;
}

function countPeriods(from: CalendarPeriod, to: CalendarPeriod): number {
  const months = (Number(to.firstDay.slice(0, 4)) - Number(from.firstDay.slice(0, 4))) * 12 + Number(to.firstDay.slice(5, 7)) - Number(from.firstDay.slice(5, 7));
  const perPeriod = { year: 12, quarter: 3, month: 1 }[from.granularity];
  return Math.floor(months / perPeriod) + 1;
}

