import { brusselsDate, CalendarPeriod } from '../period/calendar-period';
import { DistrictFacts } from '../facts/reporting-facts';
import { published, PublishedValue, SUPPRESSED } from '../disclosure/count-table';
import { IndicatorSet } from '../indicators/district-indicators';
import { CellLink, IndicatorDefinition, INDICATORS } from '../indicators/indicator-catalogue';

/**
 * Stocks (caseload, waiting list) and the flows that move them, published side by side year after
 * year: stock(end) − stock(start) = inflows − outflows. The ministry may only see a stock that its
 * published flows and the previous published stock already determine, so a stock never adds an
 * equation an attacker could subtract a hidden flow with (docs/adr/0010-disclosure-control.md, "Stocks and flows").
 */

/** Whether a district's stock was published at the end of the previous period (the frozen publication). */
export type PreviousStockPublished = (indicator: string, district: string) => boolean;

export interface StockContext {
  readonly period: CalendarPeriod;
  readonly threshold: number;
  readonly facts: ReadonlyMap<string, DistrictFacts>;
  readonly sets: ReadonlyMap<string, IndicatorSet>;
  readonly previous: PreviousStockPublished;
}

/** A flow cell to hide: row `district` of `indicator`, at `category` or, without one, the row total. */
export interface ForcedCell extends CellLink {
  readonly district: string;
}

const isSmall = (value: number, threshold: number) => value > 0 && value < threshold;

/** A district's raw stock at the end of the period. */
export function stockValue(definition: IndicatorDefinition, district: string, context: StockContext): number {
  return context.sets.get(district)?.[definition.id].counts['n'] ?? 0;
}

/** Anything dated before `day`: then the stock at the start is not the zero everyone knows. */
export function hasHistoryBefore(facts: DistrictFacts | undefined, day: string): boolean {
  if (!facts) return false;
  const before = (instant: string | null) => instant !== null && brusselsDate(instant) < day;
  return (
    facts.referrals.some((r) => [r.receivedAt, r.waitlistedAt, r.acceptedAt, r.declinedAt, r.withdrawnAt].some(before)) ||
    facts.cases.some((k) => before(k.openedAt) || before(k.closedAt))
  );
}

/** The chain is unbroken when the starting stock is public: zero before any activity, or published last period. */
function chainUnbroken(definition: IndicatorDefinition, district: string, context: StockContext): boolean {
  return !hasHistoryBefore(context.facts.get(district), context.period.firstDay) || context.previous(definition.id, district);
}

function rawFlow(link: CellLink, district: string, sets: ReadonlyMap<string, IndicatorSet>): number {
  const counts = sets.get(district)?.[link.indicator].counts ?? {};
  return link.category ? (counts[link.category] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * Flows to hide before their tables are protected: where an exact identity would otherwise recompute
 * a small stock (previous stock and every flow published), one of its non-zero flows is hidden, and the
 * flow's own table then protects that cell like any other.
 */
export function forcedFlowCells(districts: readonly string[], context: StockContext): ForcedCell[] {
  const forced: ForcedCell[] = [];
  for (const definition of INDICATORS) {
    const identity = definition.stockOf;
    if (!identity?.exact) continue;
    for (const district of districts) {
      const stock = stockValue(definition, district, context);
      if (!isSmall(stock, context.threshold) || !chainUnbroken(definition, district, context)) continue;
      const flow = [...identity.inflows, ...identity.outflows].find((link) => rawFlow(link, district, context.sets) > 0);
      if (flow) forced.push({ ...flow, district });
    }
  }
  return forced;
}

/**
 * One district's stock as the ministry may see it: published only when not small, when the chain of
 * stocks is unbroken, and when every flow of its identity is published in this period's tables.
 * Once hidden, a stock stays hidden in every later period, since publishing it again would give away
 * the sum of the hidden flows in between.
 */
export function stockCell(definition: IndicatorDefinition, district: string, context: StockContext, flowCell: (link: CellLink, district: string) => PublishedValue): PublishedValue {
  const identity = definition.stockOf;
  const value = stockValue(definition, district, context);
  if (!identity) throw new Error(`${definition.id} is not a stock`);
  const flowsPublished = [...identity.inflows, ...identity.outflows].every((link) => flowCell(link, district).status === 'published');
  return !isSmall(value, context.threshold) && chainUnbroken(definition, district, context) && flowsPublished ? published(value) : SUPPRESSED;
}
