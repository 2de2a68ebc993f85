import { caseFact, decision, districtFacts, incident, received, referral, report, session, wellbeing } from '../../testing/facts-builder';
import { computeIndicators } from './district-indicators';
import { districtReport } from './district-report';
import { CalendarPeriod, parsePeriodKey } from '../period/calendar-period';

const year2025 = { firstDay: '2025-01-01', lastDay: '2025-12-31' };
const at = (day: string) => `${day}T10:00:00.000Z`;

describe('district indicators computed from facts', () => {
  it('given referrals received in and around 2025, when computed for 2025, then they are counted by mandant type in the Belgian year, unknown types as other', () => {
    const facts = districtFacts('namur', {
      referrals: [...received(2, '2025-03-01', 'SPJ'), ...received(1, '2025-05-01', 'SAJ'), referral({ receivedAt: '2024-12-31T23:30:00.000Z' }), referral({ receivedAt: at('2024-12-30') }), referral({ receivedAt: at('2025-07-01'), mandantType: 'NEW_KIND' })],
    });
    expect(computeIndicators(facts, year2025)['referrals-received'].counts).toEqual({ FAMILY_COURT: 1, SPJ: 2, SAJ: 1, other: 1 });
  });

  it('given intake decisions, when computed, then acceptances, declines by reason and waitlistings are counted in the period they were decided', () => {
    const facts = districtFacts('namur', {
      referrals: [
        referral({ receivedAt: at('2024-12-01'), acceptedAt: at('2025-01-10') }),
        referral({ receivedAt: at('2025-01-01'), declinedAt: at('2025-01-05'), declineReason: 'OUT_OF_SCOPE' }),
        referral({ receivedAt: at('2025-01-01'), declinedAt: at('2025-01-05'), declineReason: 'SOMETHING_NEW' }),
        referral({ receivedAt: at('2025-01-01'), waitlistedAt: at('2025-01-02'), acceptedAt: at('2026-02-01') }),
      ],
    });
    expect(computeIndicators(facts, year2025)['intake-outcomes'].counts).toMatchObject({ accepted: 1, 'declined:OUT_OF_SCOPE': 1, 'declined:other': 1, waitlisted: 1 });
  });

  it('given referrals waitlisted, accepted later or withdrawn, when the waiting list is counted, then it is the list on the last day of the period', () => {
    const facts = districtFacts('namur', {
      referrals: [
        referral({ waitlistedAt: at('2025-02-01') }),
        referral({ waitlistedAt: at('2025-02-01'), acceptedAt: at('2025-06-01') }),
        referral({ waitlistedAt: at('2025-02-01'), acceptedAt: at('2026-01-15') }),
        referral({ waitlistedAt: at('2025-02-01'), withdrawnAt: at('2025-03-01') }),
      ],
    });
    expect(computeIndicators(facts, year2025)['waiting-list'].counts).toEqual({ n: 2 });
    expect(computeIndicators(facts, { firstDay: '2025-01-01', lastDay: '2025-01-31' })['waiting-list'].counts).toEqual({ n: 0 });
  });

  it('given accepted referrals and first sessions, when waiting times are computed, then they are whole days from reception to acceptance and from acceptance to the first session held', () => {
    const facts = districtFacts('namur', {
      referrals: [referral({ receivedAt: at('2025-01-01'), acceptedAt: at('2025-01-11'), caseId: 'case-a' }), referral({ receivedAt: at('2025-01-01'), acceptedAt: at('2025-01-31'), caseId: 'case-b' })],
      sessions: [session('case-a', at('2025-01-20'), { outcome: 'cancelled', attributedTo: 'parent' }), session('case-a', at('2025-01-25')), session('case-a', at('2025-02-25')), session('case-b', at('2025-03-02'))],
    });
    const set = computeIndicators(facts, year2025);
    expect(set['wait-received-to-accepted'].durations).toEqual([10, 30]);
    expect(set['wait-accepted-to-first-session'].durations).toEqual([14, 30]);
  });

  it('given cases opened and closed, when computed, then the caseload is the open cases on the last day and closed durations are counted in the closing period', () => {
    const facts = districtFacts('namur', {
      cases: [
        caseFact({ openedAt: at('2025-01-01'), closedAt: at('2025-04-11'), closeOutcome: 'BOND_RESUMED' }),
        caseFact({ openedAt: at('2025-02-01') }),
        caseFact({ openedAt: at('2024-02-01'), closedAt: at('2026-01-02'), closeOutcome: 'BOND_ENDED' }),
        caseFact({ openedAt: at('2026-01-05') }),
      ],
    });
    const set = computeIndicators(facts, year2025);
    expect(set['caseload'].counts).toEqual({ n: 2 });
    expect(set['closed-case-durations'].durations).toEqual([100]);
    expect(set['case-closures'].counts).toMatchObject({ BOND_RESUMED: 1, BOND_ENDED: 0 });
  });

  it('given sessions, incidents and decisions, when computed, then held sessions by type, cancellations by attribution, no-shows by party, incidents by severity and decisions by outcome are counted', () => {
    const facts = districtFacts('namur', {
      sessions: [
        session('c', at('2025-01-02'), { sessionType: 'child-interview' }),
        session('c', at('2025-01-03')),
        session('c', at('2025-01-04'), { outcome: 'cancelled', attributedTo: 'force-majeure' }),
        session('c', at('2025-01-05'), { outcome: 'no-show', attributedTo: 'parent' }),
        session('c', at('2025-01-06'), { outcome: 'no-show', attributedTo: 'service' }),
      ],
      incidents: [incident('c', at('2025-01-03'), 'serious'), incident('c', at('2024-01-03'), 'minor')],
      bondDecisions: [decision('c', at('2025-03-03'), 'adapt')],
    });
    const set = computeIndicators(facts, year2025);
    expect(set['sessions-held'].counts).toMatchObject({ 'child-interview': 1, 'supervised-meeting': 1 });
    expect(set['sessions-cancelled'].counts).toMatchObject({ 'force-majeure': 1, parent: 0 });
    expect(set['no-shows'].counts).toEqual({ parent: 1, child: 0, other: 1 });
    expect(set['incidents'].counts).toEqual({ minor: 0, moderate: 0, serious: 1, other: 0 });
    expect(set['bond-decisions'].counts).toMatchObject({ adapt: 1 });
  });

  it('given assessments of two children of a case, when the wellbeing trend is computed, then each child is compared with their own first assessment', () => {
    const facts = districtFacts('namur', {
      wellbeing: [wellbeing('c', '2024-11-01', 1, 'a'), wellbeing('c', '2025-05-01', 2, 'a'), wellbeing('c', '2025-01-01', 2, 'b'), wellbeing('c', '2025-06-01', 1, 'b'), wellbeing('d', '2025-01-01', 2, 'a')],
    });
    expect(computeIndicators(facts, year2025)['wellbeing-trend'].counts).toEqual({ improved: 1, stable: 0, worsened: 1 });
  });

  it('given reports with and without deadlines, when computed, then on time and late are counted and reports without deadline are left out', () => {
    const facts = districtFacts('namur', { reports: [report('c', '2025-05-28', '2025-06-01'), report('c', '2025-06-01', '2025-06-01'), report('c', '2025-06-02', '2025-06-01'), report('c', '2025-06-02', null)] });
    expect(computeIndicators(facts, year2025)['reports-to-mandants'].counts).toEqual({ 'on-time': 2, late: 1 });
  });

  it('given referrals and sessions in two divisions, when the district report is built, then each division counts only its own and the share and capacity figures follow', () => {
    const facts = districtFacts('luxembourg', {
      referrals: [...received(3, '2025-02-01', 'SAJ', 'arlon'), ...received(1, '2025-02-01', 'SPJ', 'neufchateau'), ...received(1, '2025-02-01', 'SPJ', null)],
      cases: [caseFact({ caseId: 'k1', division: 'arlon', openedAt: at('2025-01-01') }), caseFact({ caseId: 'k2', division: 'neufchateau', openedAt: at('2025-01-01') })],
      sessions: [session('k1', at('2025-03-01')), session('k2', at('2025-03-01')), session('k2', at('2025-03-02')), session('unknown', at('2025-03-02'))],
    });
    const report2025 = districtReport(facts, [parsePeriodKey('year', '2025') as CalendarPeriod], ['arlon', 'marche-en-famenne', 'neufchateau'], 20);
    const byDivision = Object.fromEntries(report2025.byDivision.map((d) => [String(d.division), d.indicators]));
    expect(Object.keys(byDivision)).toEqual(['arlon', 'marche-en-famenne', 'neufchateau', 'null']);
    expect(byDivision['arlon']['referrals-received'].total).toBe(3);
    expect(byDivision['neufchateau']['sessions-held'].total).toBe(2);
    expect(byDivision['null']['sessions-held'].total).toBe(1);
    expect(report2025.periods[0].indicators['sessions-held'].total).toBe(4);
    expect(report2025.periods[0].indicators['caseload']).toEqual({ cells: { n: 2 }, total: 2, capacity: 20, occupancy: 10 });
  });
});
