import { CalendarPeriod } from '../period/calendar-period';
import { DistrictFacts } from '../facts/reporting-facts';
import { published, PublishedValue, SUPPRESSED } from '../disclosure/count-table';
import { protectTable, SuppressionPolicy } from '../disclosure/secondary-suppression';
import { computeIndicators, IndicatorSet } from '../indicators/district-indicators';
import { percent } from '../indicators/district-report';
import { IndicatorDefinition, INDICATORS } from '../indicators/indicator-catalogue';
import { summarise } from '../indicators/statistics';
import { ForcedCell, forcedFlowCells, StockContext, stockCell, stockValue } from './stock-chain';

export interface DistrictProfile {
  readonly code: string;
  readonly name: string;
  readonly divisions: readonly string[];
  readonly capacity: number;
}

/** One district's line (or the all-district total line) of one indicator, as the ministry may see it. */
export interface PublishedRow {
  readonly district: string;
  readonly cells: Readonly<Record<string, PublishedValue>>;
  readonly total: PublishedValue;
  readonly median?: PublishedValue;
  readonly p90?: PublishedValue;
  readonly share?: PublishedValue;
  readonly capacity?: number;
  readonly occupancy?: PublishedValue;
}

export interface PublishedIndicator {
  readonly id: string;
  readonly rows: readonly PublishedRow[];
  /** Always over every configured district, whichever districts a caller selects. */
  readonly total: PublishedRow;
}

export interface MinistryReport {
  readonly period: CalendarPeriod;
  readonly threshold: number;
  readonly indicators: readonly PublishedIndicator[];
}

export const TOTAL_ROW = 'total';

const valueOf = (v: PublishedValue) => (v.status === 'published' ? v.value : undefined);

/**
 * Statistics derived from a count are shown only where the count itself is: a median needs at least
 * `threshold` values, a p90 twice that (with fewer, the nearest-rank p90 is the largest value, one case).
 */
function derived(definition: IndicatorDefinition, row: Omit<PublishedRow, 'district'>, durations: readonly number[] | undefined, threshold: number, capacity: number | undefined): Partial<PublishedRow> {
  const n = valueOf(row.total);
  const extra: { -readonly [K in keyof PublishedRow]?: PublishedRow[K] } = {};
  if (definition.kind === 'duration') {
    // Both the published n and the durations actually measured must be large enough.
    const measured = durations?.length ?? 0;
    const stats = summarise(durations ?? []);
    extra.median = n !== undefined && n >= threshold && measured >= threshold && stats.median !== undefined ? published(stats.median) : SUPPRESSED;
    extra.p90 = n !== undefined && n >= 2 * threshold && measured >= 2 * threshold && stats.p90 !== undefined ? published(stats.p90) : SUPPRESSED;
  }
  if (definition.shareOf) {
    const part = valueOf(row.cells[definition.shareOf.category]);
    extra.share = n !== undefined && n > 0 && part !== undefined ? published(percent(part, n)) : SUPPRESSED;
  }
  if (definition.againstCapacity && capacity !== undefined) {
    extra.capacity = capacity;
    extra.occupancy = n !== undefined && capacity > 0 ? published(percent(n, capacity)) : SUPPRESSED;
  }
  return extra;
}

interface Protection {
  readonly policy: SuppressionPolicy;
  readonly stocks: StockContext;
  readonly forced: readonly ForcedCell[];
}

const cellOf = (row: PublishedRow, category: string | undefined) => (category ? row.cells[category] : row.total);

/** Where a stock's identity would give a small stock away: those flow cells, hidden before protection. */
function forcedMask(definition: IndicatorDefinition, districts: readonly DistrictProfile[], categories: readonly string[], forced: readonly ForcedCell[]): boolean[][] {
  const mask = Array.from({ length: districts.length + 1 }, () => Array.from({ length: categories.length + 1 }, () => false));
  for (const cell of forced.filter((f) => f.indicator === definition.id)) {
    const row = districts.findIndex((d) => d.code === cell.district);
    mask[row][cell.category ? categories.indexOf(cell.category) : categories.length] = true;
  }
  return mask;
}

/** A stock's one-column table: each district's cell follows its chain; the total is shown only when every cell is. */
function stockTable(definition: IndicatorDefinition, districts: readonly DistrictProfile[], protection: Protection, done: ReadonlyMap<string, PublishedIndicator>) {
  const flowCell = (link: { indicator: string; category?: string }, district: string) => {
    const row = done.get(link.indicator)?.rows.find((r) => r.district === district);
    if (!row) throw new Error(`${definition.id} must follow the flows it is moved by`);
    return cellOf(row, link.category);
  };
  const rows = districts.map((d) => stockCell(definition, d.code, protection.stocks, flowCell));
  const sum = districts.reduce((acc, d) => acc + stockValue(definition, d.code, protection.stocks), 0);
  const total = rows.every((v) => v.status === 'published') ? published(sum) : SUPPRESSED;
  return { categories: ['n'], cells: rows.map((v) => [v]), rowTotals: rows, columnTotals: [total], grandTotal: total };
}

/** The protected table of an indicator; for one counted in another table, that table's cells. */
function protectedCounts(definition: IndicatorDefinition, districts: readonly DistrictProfile[], sets: ReadonlyMap<string, IndicatorSet>, protection: Protection, done: ReadonlyMap<string, PublishedIndicator>) {
  const categories = definition.categories.map((c) => c.code);
  const link = definition.countedIn;
  if (link) {
    const source = done.get(link.indicator);
    if (!source || categories.length !== 1) throw new Error(`${definition.id} must follow the one-count table it is counted in`);
    const pick = (row: PublishedRow) => cellOf(row, link.category);
    const rows = districts.map((d) => pick(source.rows.find((r) => r.district === d.code) as PublishedRow));
    return { categories, cells: rows.map((v) => [v]), rowTotals: rows, columnTotals: [pick(source.total)], grandTotal: pick(source.total) };
  }
  if (definition.stockOf) return stockTable(definition, districts, protection, done);
  const values = districts.map((d) => categories.map((c) => sets.get(d.code)?.[definition.id].counts[c] ?? 0));
  const table = { rows: districts.map((d) => d.code), columns: categories, values };
  return { categories, ...protectTable(table, protection.policy, forcedMask(definition, districts, categories, protection.forced)) };
}

function publishIndicator(definition: IndicatorDefinition, districts: readonly DistrictProfile[], sets: ReadonlyMap<string, IndicatorSet>, protection: Protection, done: ReadonlyMap<string, PublishedIndicator>): PublishedIndicator {
  const policy = protection.policy;
  const table = protectedCounts(definition, districts, sets, protection, done);
  const categories = table.categories;
  const cellsOf = (cells: readonly PublishedValue[]) => Object.fromEntries(categories.map((c, j) => [c, cells[j]]));
  const rows = districts.map((d, i) => {
    const row = { cells: cellsOf(table.cells[i]), total: table.rowTotals[i] };
    return { district: d.code, ...row, ...derived(definition, row, sets.get(d.code)?.[definition.id].durations, policy.threshold, d.capacity) };
  });
  const allDurations = districts.flatMap((d) => sets.get(d.code)?.[definition.id].durations ?? []);
  const totalRow = { cells: cellsOf(table.columnTotals), total: table.grandTotal };
  const capacity = districts.reduce((sum, d) => sum + d.capacity, 0);
  return { id: definition.id, rows, total: { district: TOTAL_ROW, ...totalRow, ...derived(definition, totalRow, allDurations, policy.threshold, capacity) } };
}

/** Whether a district's stock was published in a frozen report (the previous period's). */
export function stockPublishedIn(report: MinistryReport | undefined) {
  return (indicator: string, district: string) =>
    report?.indicators.find((i) => i.id === indicator)?.rows.find((r) => r.district === district)?.total.status === 'published';
}

/** Tables counted in another table, and stocks moved by other tables' flows, come after those tables. */
const dependsOnOthers = (definition: IndicatorDefinition) => Number(Boolean(definition.countedIn || definition.stockOf));

/**
 * The one canonical report of one period: every indicator as a districts × categories table protected
 * as a whole. Every ministry endpoint, export and page is a selection of these cells, so no two
 * responses can disagree in a way that could be subtracted. `previous` is the frozen report of the
 * period before, which stocks chain from; without it, a district with earlier activity shows no stock.
 */
export function ministryReport(districts: readonly DistrictProfile[], facts: readonly DistrictFacts[], period: CalendarPeriod, policy: SuppressionPolicy, previous?: MinistryReport): MinistryReport {
  const sets = new Map(facts.map((f) => [f.district, computeIndicators(f, period)]));
  const stocks: StockContext = { period, threshold: policy.threshold, facts: new Map(facts.map((f) => [f.district, f])), sets, previous: stockPublishedIn(previous) };
  const protection: Protection = { policy, stocks, forced: forcedFlowCells(districts.map((d) => d.code), stocks) };
  const done = new Map<string, PublishedIndicator>();
  for (const definition of [...INDICATORS].sort((a, b) => dependsOnOthers(a) - dependsOnOthers(b))) {
    done.set(definition.id, publishIndicator(definition, districts, sets, protection, done));
  }
  return { period, threshold: policy.threshold, indicators: INDICATORS.map((definition) => done.get(definition.id) as PublishedIndicator) };
}

/** The rows of some districts; the total line stays the total over all districts. */
export function selectDistricts(report: MinistryReport, codes: readonly string[] | undefined): MinistryReport {
  if (!codes) return report;
  return { ...report, indicators: report.indicators.map((i) => ({ ...i, rows: i.rows.filter((r) => codes.includes(r.district)) })) };
}
