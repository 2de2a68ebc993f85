import { caseFact, districtFacts, referral } from '../../testing/facts-builder';
import { publishedGrid, recomputeBySubtraction } from '../../testing/table-attacker';
import { DistrictFacts } from '../facts/reporting-facts';
import { CalendarPeriod, parsePeriodKey } from '../period/calendar-period';
import { DEFAULT_SUPPRESSION_POLICY } from '../disclosure/secondary-suppression';
import { PublishedValue } from '../disclosure/count-table';
import { DistrictProfile, ministryReport, MinistryReport, PublishedIndicator } from './ministry-report';

const districts: DistrictProfile[] = [
  { code: 'liege', name: 'Liège', divisions: [], capacity: 60 },
  { code: 'luxembourg', name: 'Luxembourg', divisions: [], capacity: 20 },
  { code: 'namur', name: 'Namur', divisions: [], capacity: 30 },
];
const year = (key: string) => parsePeriodKey('year', key) as CalendarPeriod;
const noon = (day: string) => `${day}T12:00:00.000Z`;

/** A district's history as flows: cases accepted (and opened) on a day, some closed on a later day. */
interface Flow {
  readonly accepted: number;
  readonly on: string;
  readonly closedOn?: string;
  readonly closed?: number;
  readonly waitlisted?: number;
}

function history(district: string, flows: readonly Flow[]): DistrictFacts {
  const referrals = [];
  const cases = [];
  for (const flow of flows) {
    for (let k = 0; k < flow.accepted; k++) {
      const opened = caseFact({ openedAt: noon(flow.on), closedAt: k < (flow.closed ?? 0) ? noon(flow.closedOn as string) : null, closeOutcome: 'BOND_RESUMED' });
      cases.push(opened);
      referrals.push(referral({ receivedAt: noon(flow.on), acceptedAt: noon(flow.on), caseId: opened.caseId }));
    }
    for (let k = 0; k < (flow.waitlisted ?? 0); k++) referrals.push(referral({ receivedAt: noon(flow.on), waitlistedAt: noon(flow.on) }));
  }
  return districtFacts(district, { referrals, cases });
}

const indicator = (report: MinistryReport, id: string) => report.indicators.find((i) => i.id === id) as PublishedIndicator;
const valueIn = (report: MinistryReport, id: string, district: string, category?: string): number | null => {
  const row = indicator(report, id).rows.find((r) => r.district === district);
  const cell = (category ? row?.cells[category] : row?.total) as PublishedValue;
  return cell.status === 'published' ? cell.value : null;
};

/** What someone holding two consecutive reports works out: accepted = Δcaseload + closed. */
function acceptedByStockDifference(before: MinistryReport, after: MinistryReport, district: string): number | null {
  const start = valueIn(before, 'caseload', district);
  const end = valueIn(after, 'caseload', district);
  const closed = valueIn(after, 'case-closures', district);
  return start === null || end === null || closed === null ? null : end - start + closed;
}

const busy = (district: string, extra: Flow[] = []) =>
  history(district, [{ accepted: 30, on: '2024-03-01', closed: 10, closedOn: '2025-04-01', waitlisted: 6 }, { accepted: 25, on: '2025-03-01' }, ...extra]);

describe('stocks beside the flows that move them, year after year', () => {
  // Luxembourg: 10 cases accepted in 2024; in 2025, 3 accepted (a small, hidden count) and 6 closed.
  const luxembourg = history('luxembourg', [
    { accepted: 10, on: '2024-02-01', closed: 6, closedOn: '2025-06-01' },
    { accepted: 3, on: '2025-02-01' },
  ]);
  const facts = [busy('liege'), luxembourg, busy('namur')];
  const report2024 = ministryReport(districts, facts, year('2024'), DEFAULT_SUPPRESSION_POLICY);
  const report2025 = ministryReport(districts, facts, year('2025'), DEFAULT_SUPPRESSION_POLICY, report2024);

  it('given Luxembourg accepted 3 cases in 2025, when both years are published, then the 3 cannot come back as caseload(2025) − caseload(2024) + closures(2025)', () => {
    expect(valueIn(report2025, 'intake-outcomes', 'luxembourg', 'accepted')).toBeNull();
    // The identity holds on the raw figures (10 → 7 with 3 in and 6 out): publishing both stocks would give the 3 away.
    expect(valueIn(report2024, 'caseload', 'luxembourg')).toBe(10);
    expect(valueIn(report2025, 'case-closures', 'luxembourg')).toBe(6);
    expect(valueIn(report2025, 'caseload', 'luxembourg')).toBeNull();
    expect(acceptedByStockDifference(report2024, report2025, 'luxembourg')).toBeNull();
  });

  it('given every district, when the differencing attack is tried, then it never recovers a hidden accepted count', () => {
    for (const d of districts) {
      if (valueIn(report2025, 'intake-outcomes', d.code, 'accepted') === null) expect(acceptedByStockDifference(report2024, report2025, d.code)).toBeNull();
    }
  });

  it('given a district whose stock is hidden, when the total caseload is published, then it is hidden too, or it would give that stock back', () => {
    expect(indicator(report2025, 'caseload').total.total).toEqual({ status: 'suppressed' });
    expect(indicator(report2024, 'caseload').total.total).toEqual({ status: 'published', value: 70 });
  });

  it('given a chain broken in 2025, when 2026 flows are all published, then the 2026 stock stays hidden: it would give away the sum of the hidden flows in between', () => {
    const later = [busy('liege', [{ accepted: 8, on: '2026-02-01' }]), history('luxembourg', [
      { accepted: 10, on: '2024-02-01', closed: 6, closedOn: '2025-06-01' },
      { accepted: 3, on: '2025-02-01' },
      { accepted: 9, on: '2026-02-01' },
    ]), busy('namur', [{ accepted: 7, on: '2026-02-01' }])];
    const report2026 = ministryReport(districts, later, year('2026'), DEFAULT_SUPPRESSION_POLICY, report2025);
    expect(valueIn(report2026, 'intake-outcomes', 'luxembourg', 'accepted')).toBe(9);
    expect(valueIn(report2026, 'case-closures', 'luxembourg')).toBe(0);
    expect(valueIn(report2026, 'caseload', 'luxembourg')).toBeNull();
    expect(valueIn(report2026, 'caseload', 'namur')).toBe(52);
  });

  it('given a small stock whose previous stock and flows would all be published, when protected, then one of its flows is hidden so the stock cannot be recomputed', () => {
    // Namur: 10 open at the end of 2024; in 2025, 6 accepted and 13 closed leave 3 open.
    const namur = history('namur', [
      { accepted: 10, on: '2024-02-01', closed: 10, closedOn: '2025-05-01' },
      { accepted: 6, on: '2025-02-01', closed: 3, closedOn: '2025-09-01' },
    ]);
    const all = [busy('liege'), busy('luxembourg'), namur];
    const before = ministryReport(districts, all, year('2024'), DEFAULT_SUPPRESSION_POLICY);
    const after = ministryReport(districts, all, year('2025'), DEFAULT_SUPPRESSION_POLICY, before);
    expect(valueIn(before, 'caseload', 'namur')).toBe(10);
    expect(valueIn(after, 'caseload', 'namur')).toBeNull();
    expect(valueIn(after, 'intake-outcomes', 'namur', 'accepted')).toBeNull();
    const start = valueIn(before, 'caseload', 'namur') as number;
    const closed = valueIn(after, 'case-closures', 'namur');
    expect(closed === null || valueIn(after, 'intake-outcomes', 'namur', 'accepted') === null).toBe(true);
    expect(start).toBeGreaterThan(0);
  });

  it('given the forced accepted cell, when an attacker subtracts along the intake table, then it does not come back either', () => {
    const namur = history('namur', [
      { accepted: 10, on: '2024-02-01', closed: 10, closedOn: '2025-05-01' },
      { accepted: 6, on: '2025-02-01', closed: 3, closedOn: '2025-09-01' },
    ]);
    const all = [busy('liege'), busy('luxembourg'), namur];
    const after = ministryReport(districts, all, year('2025'), DEFAULT_SUPPRESSION_POLICY, ministryReport(districts, all, year('2024'), DEFAULT_SUPPRESSION_POLICY));
    const intake = indicator(after, 'intake-outcomes');
    const categories = Object.keys(intake.total.cells);
    const grid = publishedGrid({
      rows: intake.rows.map((r) => r.district),
      columns: categories,
      cells: intake.rows.map((r) => categories.map((c) => r.cells[c])),
      rowTotals: intake.rows.map((r) => r.total),
      columnTotals: categories.map((c) => intake.total.cells[c]),
      grandTotal: intake.total.total,
    });
    const namurRow = intake.rows.findIndex((r) => r.district === 'namur');
    expect(recomputeBySubtraction(grid).has(`${namurRow},${categories.indexOf('accepted')}`)).toBe(false);
  });

  it('given a district with no activity before the year, when no previous report is given, then its stock chains from the zero everyone knows', () => {
    const fresh = [history('liege', [{ accepted: 12, on: '2025-03-01' }]), history('luxembourg', [{ accepted: 7, on: '2025-03-01' }]), history('namur', [{ accepted: 20, on: '2025-03-01' }])];
    const report = ministryReport(districts, fresh, year('2025'), DEFAULT_SUPPRESSION_POLICY);
    expect(districts.map((d) => valueIn(report, 'caseload', d.code))).toEqual([12, 7, 20]);
    expect(indicator(report, 'caseload').total.total).toEqual({ status: 'published', value: 39 });
  });

  it('given a district with earlier activity, when the previous report is missing, then its stock is hidden rather than guessed safe', () => {
    const report = ministryReport(districts, facts, year('2025'), DEFAULT_SUPPRESSION_POLICY);
    expect(districts.map((d) => valueIn(report, 'caseload', d.code))).toEqual([null, null, null]);
  });

  it('given the waiting list, when its inflow (waitlisted) is hidden, then the stock is hidden, and it stays so the next year', () => {
    const waiting = (district: string, n2024: number) => history(district, [{ accepted: 0, on: '2024-04-01', waitlisted: n2024 }, { accepted: 0, on: '2025-04-01', waitlisted: 6 }]);
    const all = [waiting('liege', 12), waiting('luxembourg', 2), waiting('namur', 9)];
    const r2024 = ministryReport(districts, all, year('2024'), DEFAULT_SUPPRESSION_POLICY);
    const r2025 = ministryReport(districts, all, year('2025'), DEFAULT_SUPPRESSION_POLICY, r2024);
    expect(valueIn(r2024, 'intake-outcomes', 'luxembourg', 'waitlisted')).toBeNull();
    expect(valueIn(r2024, 'waiting-list', 'luxembourg')).toBeNull();
    expect(valueIn(r2025, 'intake-outcomes', 'luxembourg', 'waitlisted')).toBe(6);
    expect(valueIn(r2025, 'waiting-list', 'luxembourg')).toBeNull();
    expect(valueIn(r2025, 'waiting-list', 'liege')).toBe(18);
  });
});
