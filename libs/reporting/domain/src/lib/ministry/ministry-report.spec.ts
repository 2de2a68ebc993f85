import { caseFact, districtFacts, received, wellbeing } from '../../testing/facts-builder';
import { publishedGrid, recomputeBySubtraction } from '../../testing/table-attacker';
import { CalendarPeriod, parsePeriodKey } from '../period/calendar-period';
import { DEFAULT_SUPPRESSION_POLICY } from '../disclosure/secondary-suppression';
import { DistrictProfile, ministryReport, MinistryReport, PublishedIndicator, PublishedRow, selectDistricts } from './ministry-report';

const districts: DistrictProfile[] = [
  { code: 'liege', name: 'Liège', divisions: [], capacity: 40 },
  { code: 'luxembourg', name: 'Luxembourg', divisions: [], capacity: 20 },
  { code: 'namur', name: 'Namur', divisions: [], capacity: 20 },
];
const year = parsePeriodKey('year', '2025') as CalendarPeriod;
const at = (day: string) => `${day}T10:00:00.000Z`;

/** Liège 12 / 7 / 9, Luxembourg 3 / 8 / 11, Namur 10 / 6 / 0 referrals by family court, SPJ, SAJ. */
const facts = [
  districtFacts('liege', { referrals: [...received(12, '2025-02-01', 'FAMILY_COURT'), ...received(7, '2025-02-01', 'SPJ'), ...received(9, '2025-02-01', 'SAJ')] }),
  districtFacts('luxembourg', {
    referrals: [...received(3, '2025-02-01', 'FAMILY_COURT'), ...received(8, '2025-02-01', 'SPJ'), ...received(11, '2025-02-01', 'SAJ')],
    cases: Array.from({ length: 4 }, (_, i) => caseFact({ openedAt: at('2025-01-01'), closedAt: at(`2025-0${i + 2}-01`) })),
  }),
  districtFacts('namur', {
    referrals: [...received(10, '2025-02-01', 'FAMILY_COURT'), ...received(6, '2025-02-01', 'SPJ')],
    cases: Array.from({ length: 12 }, (_, i) => caseFact({ openedAt: at('2025-01-01'), closedAt: at(`2025-${String(i + 1).padStart(2, '0')}-28`) })),
  }),
];

const indicator = (report: MinistryReport, id: string) => report.indicators.find((i) => i.id === id) as PublishedIndicator;
const row = (i: PublishedIndicator, district: string) => i.rows.find((r) => r.district === district);

describe('the ministry report of one year', () => {
  const report = ministryReport(districts, facts, year, DEFAULT_SUPPRESSION_POLICY);

  it('given Luxembourg with 3 family-court referrals, when the report is built, then that cell is suppressed and carries no number', () => {
    const received2025 = indicator(report, 'referrals-received');
    expect(row(received2025, 'luxembourg')?.cells['FAMILY_COURT']).toEqual({ status: 'suppressed' });
    expect(JSON.stringify(row(received2025, 'luxembourg')?.cells['FAMILY_COURT'])).not.toMatch(/\d/);
  });

  it('given the published referrals table, when an attacker subtracts along districts, categories and the FWB totals, then the 3 never comes back', () => {
    const received2025 = indicator(report, 'referrals-received');
    const categories = ['FAMILY_COURT', 'SPJ', 'SAJ', 'other'];
    const grid = publishedGrid({
      rows: districts.map((d) => d.code),
      columns: categories,
      cells: received2025.rows.map((r) => categories.map((c) => r.cells[c])),
      rowTotals: received2025.rows.map((r) => r.total),
      columnTotals: categories.map((c) => received2025.total.cells[c]),
      grandTotal: received2025.total.total,
    });
    expect([...recomputeBySubtraction(grid).values()]).not.toContain(3);
    expect(grid.flat().filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
  });

  it('given closed cases, when durations are published, then the median needs 5 cases and the p90 needs 10, and Luxembourg with 4 shows neither', () => {
    const durations = indicator(report, 'closed-case-durations');
    expect(row(durations, 'luxembourg')).toMatchObject({ total: { status: 'suppressed' }, median: { status: 'suppressed' }, p90: { status: 'suppressed' } });
    expect(row(durations, 'namur')?.median).toEqual({ status: 'suppressed' });
    expect(durations.total).toMatchObject({ total: { status: 'published', value: 16 }, median: { status: 'published' }, p90: { status: 'published' } });
  });

  it('given durations whose n another table already counts, when published, then n is that very cell, so the two tables never disagree about a hidden count', () => {
    const pairs: Array<[string, (r: PublishedRow) => unknown, string]> = [
      ['closed-case-durations', (r) => r.total, 'case-closures'],
      ['wait-received-to-accepted', (r) => r.cells['accepted'], 'intake-outcomes'],
    ];
    for (const [duration, pick, source] of pairs) {
      const d = indicator(report, duration);
      const s = indicator(report, source);
      expect(d.rows.map((r) => r.total)).toEqual(s.rows.map(pick));
      expect(d.total.total).toEqual(pick(s.total));
    }
    expect(row(indicator(report, 'case-closures'), 'luxembourg')?.total).toEqual({ status: 'suppressed' });
  });

  it('given a selection of districts, when the report is narrowed, then the total line stays the total over every district', () => {
    const narrowed = selectDistricts(report, ['luxembourg']);
    expect(indicator(narrowed, 'referrals-received').rows.map((r) => r.district)).toEqual(['luxembourg']);
    expect(indicator(narrowed, 'referrals-received').total).toEqual(indicator(report, 'referrals-received').total);
  });

  it('given two selections of districts, when an attacker subtracts one total from the other, then the difference is zero: subsets never isolate a district', () => {
    const one = indicator(selectDistricts(report, ['liege', 'namur']), 'referrals-received').total;
    const two = indicator(selectDistricts(report, ['liege', 'namur', 'luxembourg']), 'referrals-received').total;
    expect(one).toEqual(two);
  });

  it('given a share whose numerator is hidden, when published, then the share is hidden too, and shown where both counts are', () => {
    const trajectories = (district: string, improved: number, stable: number) =>
      districtFacts(district, {
        wellbeing: Array.from({ length: improved + stable }, (_, k) => [wellbeing(`${district}-${k}`, '2025-01-10', 1), wellbeing(`${district}-${k}`, '2025-06-10', k < improved ? 2 : 1)]).flat(),
      });
    const trend = indicator(ministryReport(districts, [trajectories('liege', 3, 8), trajectories('namur', 10, 10), trajectories('luxembourg', 6, 5)], year, DEFAULT_SUPPRESSION_POLICY), 'wellbeing-trend');
    expect(row(trend, 'liege')).toMatchObject({ cells: { improved: { status: 'suppressed' } }, share: { status: 'suppressed' } });
    expect(row(trend, 'namur')).toMatchObject({ total: { status: 'published', value: 20 }, share: { status: 'published', value: 50 } });
  });

  it('given no active case, when caseload is published, then 0 is published with the configured capacity', () => {
    const caseload = indicator(ministryReport(districts, [], year, DEFAULT_SUPPRESSION_POLICY), 'caseload');
    expect(row(caseload, 'liege')).toMatchObject({ total: { status: 'published', value: 0 }, capacity: 40, occupancy: { status: 'published', value: 0 } });
  });

  it('given the whole report serialised, when searched for any small count, then none is found among published values', () => {
    const values: number[] = [];
    JSON.stringify(report, (key, value) => (key === 'value' && typeof value === 'number' ? (values.push(value), value) : value));
    const counts = report.indicators.flatMap((i) => [...i.rows, i.total].flatMap((r) => [...Object.values(r.cells), r.total]));
    expect(counts.filter((c) => c.status === 'published' && c.value > 0 && c.value < 5)).toEqual([]);
    expect(values.length).toBeGreaterThan(0);
  });
});
