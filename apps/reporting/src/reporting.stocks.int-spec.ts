import request from 'supertest';
import { requiredEnv } from '@lien/shared-testing';
import { twoDistrictYear } from '@lien/reporting-testing';
import { startReportingApp, ReportingTestApp } from './test-support/reporting-test-app';

interface Row {
  readonly district: string;
  readonly total: { readonly status: string; readonly value?: number };
  readonly cells: Record<string, { readonly status: string; readonly value?: number }>;
}
interface Indicator {
  readonly id: string;
  readonly rows: Row[];
  readonly total: Row;
}

describe('reporting: stocks chained across the frozen yearly publications', () => {
  let t: ReportingTestApp;
  const ministry = async (year: number) => {
    const response = await request(t.app.getHttpServer()).get(`/api/v1/ministry/indicators?from=${year}&to=${year}`).auth(t.tokens.ministry, { type: 'bearer' }).expect(200);
    return response.body.reports[0].indicators as Indicator[];
  };
  const caseload = (indicators: Indicator[]) => indicators.find((i) => i.id === 'caseload') as Indicator;
  /** The scenario's two districts; the other configured districts have no activity and show their zero. */
  const scenarioStocks = (indicators: Indicator[]) => caseload(indicators).rows.filter((r) => ['luxembourg', 'namur'].includes(r.district)).map((r) => r.total);

  beforeAll(async () => {
    t = await startReportingApp(requiredEnv('DATABASE_URL'));
    await t.send([...twoDistrictYear(2024), ...twoDistrictYear(2025)]);
  }, 120_000);
  afterAll(() => t?.close());

  it('given two years of contracts, when the ministry asks for 2025 alone, then 2024 is frozen first and each 2025 caseload chains from it', async () => {
    const y2025 = await ministry(2025);
    // Both districts ended 2024 with 3 and 2 open cases (hidden), so their 2025 stocks cannot be published
    // either: with closures and acceptances published, they would give the hidden 2024 stocks back.
    expect(scenarioStocks(y2025)).toEqual([{ status: 'suppressed' }, { status: 'suppressed' }]);
    expect(caseload(y2025).rows.filter((r) => r.total.status === 'published').every((r) => r.total.value === 0)).toBe(true);
    expect(caseload(y2025).total.total).toEqual({ status: 'suppressed' });

    // Late 2024 contracts arrive after the 2025 request: 2024 was frozen by it, so they do not show.
    await t.send(twoDistrictYear(2024));
    const frozen2024 = await ministry(2024);
    expect(frozen2024.find((i) => i.id === 'referrals-received')?.total.total).toEqual({ status: 'published', value: 17 + 21 });
    expect(scenarioStocks(frozen2024)).toEqual([{ status: 'suppressed' }, { status: 'suppressed' }]);
  });

  it('given the published 2025 report, when an analyst subtracts stocks and flows, then no hidden acceptance comes back', async () => {
    const [y2024, y2025] = [await ministry(2024), await ministry(2025)];
    const value = (indicators: Indicator[], id: string, district: string, category?: string) => {
      const row = indicators.find((i) => i.id === id)?.rows.find((r) => r.district === district) as Row;
      const cell = category ? row.cells[category] : row.total;
      return cell.status === 'published' ? (cell.value as number) : null;
    };
    for (const district of ['luxembourg', 'namur']) {
      const parts = [value(y2024, 'caseload', district), value(y2025, 'caseload', district), value(y2025, 'case-closures', district)];
      if (value(y2025, 'intake-outcomes', district, 'accepted') === null) expect(parts).toContain(null);
    }
  });
});
