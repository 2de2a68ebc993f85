import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { requiredEnv } from '@lien/shared-testing';
import { DistrictCatalogue } from '@lien/reporting-application';
import { twoDistrictYear } from '@lien/reporting-testing';
import { startReportingApp, ReportingTestApp } from './test-support/reporting-test-app';

type Cell = { status: string; value?: number };

/** Two districts of its own on the shared broker: no other suite's contracts reach its topics or its group. */
const suffix = randomUUID().replace(/-/g, '').slice(0, 8);
const codes = { luxembourg: `kjlux-${suffix}`, namur: `kjnam-${suffix}` };
const catalogue = new DistrictCatalogue([
  { code: codes.luxembourg, name: 'Luxembourg (essai)', divisions: ['marche-en-famenne'], capacity: 20 },
  { code: codes.namur, name: 'Namur (essai)', divisions: ['namur'], capacity: 20 },
]);

describe('reporting journey on a real Kafka broker', () => {
  let t: ReportingTestApp;
  const get = (path: string, token: string) => request(t.app.getHttpServer()).get(path).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    const brokers = requiredEnv('KAFKA_BROKERS').split(',');
    t = await startReportingApp(requiredEnv('DATABASE_URL'), { kafkaBrokers: brokers, catalogue, codes, consumerGroup: `reporting.indicators.test-${suffix}` });
    await t.send(twoDistrictYear(2025, codes));
  }, 180_000);
  afterAll(() => t?.close());

  it('given a year of contracts on the districts’ Kafka topics, when consumed, then the district sees its raw 3 and the ministry sees it suppressed with its complements', async () => {
    const district = (await get(`/api/v1/districts/${codes.luxembourg}/indicators?from=2025&to=2025`, t.tokens.luxembourg).expect(200)).body;
    expect(district.report.periods[0].indicators['referrals-received']).toMatchObject({ cells: { FAMILY_COURT: 3, SPJ: 6, SAJ: 8 }, total: 17 });
    const ministry = (await get('/api/v1/ministry/indicators?from=2025&to=2025', t.tokens.ministry).expect(200)).body;
    const received = ministry.reports[0].indicators.find((i: { id: string }) => i.id === 'referrals-received');
    const row = (code: string) => received.rows.find((r: { district: string }) => r.district === code).cells as Record<string, Cell>;
    expect(row(codes.luxembourg)['FAMILY_COURT']).toEqual({ status: 'suppressed' });
    expect(row(codes.namur)['FAMILY_COURT']).toEqual({ status: 'suppressed' });
    expect(received.total.cells['FAMILY_COURT']).toEqual({ status: 'published', value: 10 });
  });
});
