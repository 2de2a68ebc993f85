import request from 'supertest';
import { requiredEnv } from '@lien/shared-testing';
import { contracts, twoDistrictYear } from '@lien/reporting-testing';
import { startReportingApp, ReportingTestApp } from './test-support/reporting-test-app';

type Cell = { status: string; value?: number };
type Row = { district: string; cells: Record<string, Cell>; total: Cell };
type Report = { period: { key: string }; indicators: Array<{ id: string; rows: Row[]; total: Row }> };

describe('reporting journey: contracts of the three services for two districts, then both dashboards', () => {
  let t: ReportingTestApp;
  const get = (path: string, token: string) => request(t.app.getHttpServer()).get(path).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    t = await startReportingApp(requiredEnv('DATABASE_URL'));
    await t.send(twoDistrictYear(2025));
  }, 120_000);
  afterAll(() => t?.close());

  const ministry2025 = async (): Promise<Report> => (await get('/api/v1/ministry/indicators?from=2025&to=2025', t.tokens.ministry).expect(200)).body.reports[0];
  const row = (report: Report, indicator: string, district: string) => report.indicators.find((i) => i.id === indicator)?.rows.find((r) => r.district === district) as Row;

  it('given the year of Luxembourg, when its coordinator reads the district dashboard, then every indicator shows the raw numbers, the 3 family-court mandates included', async () => {
    const { report } = (await get('/api/v1/districts/luxembourg/indicators?from=2025&to=2025', t.tokens.luxembourg).expect(200)).body;
    const year = report.periods[0].indicators;
    expect(year['referrals-received']).toMatchObject({ cells: { FAMILY_COURT: 3, SPJ: 6, SAJ: 8 }, total: 17 });
    expect(year['intake-outcomes'].cells).toMatchObject({ accepted: 5, waitlisted: 2 });
    expect(year['waiting-list'].total).toBe(2);
    expect(year['wait-received-to-accepted']).toMatchObject({ total: 5, median: 10, p90: 10 });
    expect(year['caseload']).toMatchObject({ total: 3, capacity: 20, occupancy: 15 });
    expect(year['sessions-held'].cells['supervised-meeting']).toBe(10);
    expect(year['incidents'].cells).toMatchObject({ serious: 1, minor: 0 });
    expect(year['bond-decisions'].cells).toMatchObject({ continue: 5 });
    expect(year['wellbeing-trend']).toMatchObject({ cells: { improved: 4, stable: 0, worsened: 1 }, share: 80 });
    expect(year['case-closures'].cells['BOND_RESUMED']).toBe(2);
    expect(year['reports-to-mandants'].cells).toEqual({ 'on-time': 5, late: 0 });
    expect(report.byDivision.find((d: { division: string }) => d.division === 'marche-en-famenne').indicators['referrals-received'].total).toBe(17);
  });

  it('given the year of Namur by month, when its coordinator reads it, then the months add up to the year', async () => {
    const { report } = (await get('/api/v1/districts/namur/indicators?granularity=month&from=2025-01&to=2025-12', t.tokens.namur).expect(200)).body;
    const months = report.periods.map((p: { indicators: Record<string, { total: number }> }) => p.indicators['referrals-received'].total);
    expect(months).toHaveLength(12);
    expect(months.reduce((a: number, b: number) => a + b, 0)).toBe(21);
    expect(report.periods[7].indicators['sessions-cancelled'].cells.parent).toBe(2);
  });

  it('given both districts, when the ministry reads 2025, then Luxembourg’s 3 and the cells that would give it back are suppressed, and the rest is published', async () => {
    const report = await ministry2025();
    expect(row(report, 'referrals-received', 'luxembourg')).toMatchObject({ cells: { FAMILY_COURT: { status: 'suppressed' }, SPJ: { status: 'suppressed' }, SAJ: { status: 'published', value: 8 } }, total: { status: 'published', value: 17 } });
    expect(row(report, 'referrals-received', 'namur')).toMatchObject({ cells: { FAMILY_COURT: { status: 'suppressed' }, SPJ: { status: 'suppressed' }, SAJ: { status: 'published', value: 9 } }, total: { status: 'published', value: 21 } });
    expect(row(report, 'referrals-received', 'luxembourg').cells['FAMILY_COURT']).not.toHaveProperty('value');
    expect(report.indicators.find((i) => i.id === 'referrals-received')?.total.cells['FAMILY_COURT']).toEqual({ status: 'published', value: 10 });
    expect(row(report, 'incidents', 'luxembourg').cells['serious']).toEqual({ status: 'suppressed' });
    expect(row(report, 'sessions-held', 'namur').cells['supervised-meeting']).toEqual({ status: 'published', value: 16 });
  });

  it('given the ministry report, when every count of every district and total is listed, then none between 1 and 4 is published', async () => {
    const report = await ministry2025();
    const counts = report.indicators.flatMap((i) => [...i.rows, i.total]).flatMap((r) => [...Object.values(r.cells), r.total]);
    expect(counts.filter((c) => c.status === 'published' && (c.value as number) > 0 && (c.value as number) < 5)).toEqual([]);
  });

  it('given both dashboards in the browser’s format, when rendered, then the district page shows 3 and the ministry page shows “secret” in the same cell', async () => {
    const district = (await get('/tableau-de-bord/districts/luxembourg?from=2025&to=2025', t.tokens.luxembourg).expect(200)).text;
    expect(district).toContain('<html lang="fr">');
    expect(district).toMatch(/<th scope="row">2025<\/th><td>3<\/td><td>6<\/td><td>8<\/td>/);
    const ministry = (await get('/tableau-de-bord/ministere?from=2025&to=2025', t.tokens.ministry).expect(200)).text;
    const received = ministry.slice(ministry.indexOf('id="i-2025-referrals-received"'), ministry.indexOf('id="i-2025-intake-outcomes"'));
    expect(received).toMatch(/<th scope="row">Luxembourg<\/th><td class="secret"[^>]*>secret<\/td><td class="secret"[^>]*>secret<\/td><td>8<\/td>/);
    expect(received).toContain('Luxembourg : 17 ; Namur : 21');
  });

  it('given a late contract for 2025 after the ministry saw 2025, when the ministry reads it again, then it gets the same published report: no difference to subtract', async () => {
    const before = await ministry2025();
    await t.send([contracts.referralReceived('luxembourg', { referralId: '5b1c0e0e-0000-4000-8000-000000000001', mandantType: 'FAMILY_COURT', legalBasis: 'CONSTRAINED', division: null, decisionDate: '2025-12-01', childCount: 1, adultCount: 1, protectiveMeasureCount: 0, receivedAt: '2025-12-02T10:00:00.000Z' })]);
    expect(await ministry2025()).toEqual(before);
    const { report } = (await get('/api/v1/districts/luxembourg/indicators?from=2025&to=2025', t.tokens.luxembourg).expect(200)).body;
    expect(report.periods[0].indicators['referrals-received'].cells.FAMILY_COURT).toBe(4);
  });
});
