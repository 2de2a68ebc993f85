import request from 'supertest';
import { DevIssuer } from '@lien/shared-auth';
import { requiredEnv } from '@lien/shared-testing';
import { twoDistrictYear } from '@lien/reporting-testing';
import { startReportingApp, ReportingTestApp } from './test-support/reporting-test-app';

describe('reporting API: bad input, exports and an analyst trying every door', () => {
  let t: ReportingTestApp;
  const get = (path: string, token: string) => request(t.app.getHttpServer()).get(path).auth(token, { type: 'bearer' });
  const problem = async (path: string, token: string, status: number) => {
    const response = await get(path, token).expect(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    return response.body;
  };

  beforeAll(async () => {
    t = await startReportingApp(requiredEnv('DATABASE_URL'));
    await t.send(twoDistrictYear(2025));
  }, 120_000);
  afterAll(() => t?.close());

  it('given months, quarters, an open range, an inverted range or a year not yet closed, when the ministry asks, then each is refused with its own problem', async () => {
    const api = '/api/v1/ministry/indicators';
    expect(await problem(`${api}?granularity=month&from=2025-01&to=2025-02`, t.tokens.ministry, 403)).toMatchObject({ code: 'GRANULARITY_NOT_ALLOWED', granularity: 'month', allowed: 'year' });
    expect(await problem(`${api}?granularity=quarter&from=2025-Q1&to=2025-Q1`, t.tokens.ministry, 403)).toMatchObject({ code: 'GRANULARITY_NOT_ALLOWED' });
    expect(await problem(`${api}?from=2025`, t.tokens.ministry, 422)).toMatchObject({ code: 'PERIOD_OPEN_ENDED', missing: 'to' });
    expect(await problem(`${api}?from=2025&to=2024`, t.tokens.ministry, 422)).toMatchObject({ code: 'PERIOD_INVERTED' });
    expect(await problem(`${api}?from=2025-03&to=2025`, t.tokens.ministry, 422)).toMatchObject({ code: 'PERIOD_NOT_ALIGNED', field: 'from' });
    expect(await problem(`${api}?from=2026&to=2026`, t.tokens.ministry, 422)).toMatchObject({ code: 'PERIOD_NOT_YET_PUBLISHABLE', publishableFrom: '2027-01-31' });
    expect(await problem(`${api}?from=2025&to=2025&districts=atlantis`, t.tokens.ministry, 422)).toMatchObject({ code: 'DISTRICT_UNKNOWN', district: 'atlantis' });
    expect(await problem(`${api}?granularity=week`, t.tokens.ministry, 400)).toMatchObject({ errors: [{ field: 'granularity' }] });
    expect(await problem(`${api}?from=2025&to=2025&limit=1`, t.tokens.ministry, 400)).toMatchObject({ errors: [{ field: 'limit' }] });
  });

  it('given a district the token grants but the configuration does not know, when its dashboard is asked for, then it is not found', async () => {
    const token = await t.app.get(DevIssuer).mint({ userId: 'x', roles: ['coordinator'], districts: ['atlantis'] });
    expect(await problem('/api/v1/districts/atlantis/indicators', token, 404)).toMatchObject({ status: 404 });
  });

  it('given a district coordinator, when it asks for months, then it gets them, and a range of more than three years is refused', async () => {
    await get('/api/v1/districts/namur/indicators?granularity=month&from=2025-01&to=2025-03', t.tokens.namur).expect(200);
    expect(await problem('/api/v1/districts/namur/indicators?granularity=month&from=2020-01&to=2025-03', t.tokens.namur, 422)).toMatchObject({ code: 'PERIOD_RANGE_TOO_LONG' });
  });

  it('given the ministry CSV export, when read, then suppressed cells read “secret” and no count under 5 appears, exactly as in the JSON', async () => {
    const csv = (await get('/api/v1/ministry/indicators.csv?from=2025&to=2025', t.tokens.ministry).expect(200).expect('content-type', /text\/csv/)).text;
    const lines = csv.trim().split('\r\n').map((l) => l.split(','));
    expect(lines[0]).toEqual(['periode', 'indicateur', 'arrondissement', 'mesure', 'valeur']);
    expect(lines).toContainEqual(['2025', 'referrals-received', 'luxembourg', 'FAMILY_COURT', 'secret']);
    expect(lines).toContainEqual(['2025', 'referrals-received', 'total', 'FAMILY_COURT', '10']);
    const derived = ['median', 'p90', 'part_pct', 'capacite', 'occupation_pct'];
    const smallCounts = lines.slice(1).filter(([, , , measure, value]) => !derived.includes(measure) && /^[1-4]$/.test(value));
    expect(smallCounts).toEqual([]);
    const json = (await get('/api/v1/ministry/indicators?from=2025&to=2025', t.tokens.ministry).expect(200)).body;
    const secretsInJson = json.reports[0].indicators.flatMap((i: { rows: Array<{ cells: Record<string, { status: string }> }> }) => i.rows.flatMap((r) => Object.values(r.cells))).filter((c: { status: string }) => c.status === 'suppressed');
    expect(lines.filter(([, , district, measure, value]) => district !== 'total' && value === 'secret' && !derived.includes(measure) && measure !== 'total')).toHaveLength(secretsInJson.length);
  });

  it('given an analyst who narrows the districts in every way, when the totals are compared, then they never change, so no subset isolates a district', async () => {
    const totals = new Set<string>();
    for (const districts of ['luxembourg', 'namur', 'luxembourg,namur', 'liege,namur', 'bruxelles']) {
      const body = (await get(`/api/v1/ministry/indicators?from=2025&to=2025&districts=${districts}`, t.tokens.ministry).expect(200)).body;
      totals.add(JSON.stringify(body.reports[0].indicators.map((i: { total: unknown }) => i.total)));
      expect(body.reports[0].indicators[0].rows.map((r: { district: string }) => r.district)).toEqual(districts.split(','));
    }
    expect(totals.size).toBe(1);
  });

  it('given a ministry analyst, when it tries the district endpoints, exports and pages, then each is refused without data', async () => {
    for (const path of ['/api/v1/districts/luxembourg/indicators', '/api/v1/districts/luxembourg/indicators.csv', '/tableau-de-bord/districts/luxembourg']) {
      const response = await get(`${path}?from=2025&to=2025`, t.tokens.ministry).expect(403);
      expect(response.text).not.toMatch(/FAMILY_COURT|Tribunal/);
    }
  });

  it('given the sign-in page in development, when the ministry profile is chosen, then the session cookie opens the ministry dashboard and the export links', async () => {
    const page = await request(t.app.getHttpServer()).get('/connexion').expect(200);
    expect(page.text).toContain('<html lang="fr">');
    const signIn = await request(t.app.getHttpServer()).post('/connexion').type('form').send({ profil: 'ministry-analyst' }).expect(303);
    expect(signIn.headers['location']).toBe('/tableau-de-bord/ministere');
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    expect(String(signIn.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const dashboard = await request(t.app.getHttpServer()).get('/tableau-de-bord/ministere?from=2025&to=2025').set('Cookie', cookie).expect(200);
    expect(dashboard.headers['content-security-policy']).toContain("default-src 'none'");
    await request(t.app.getHttpServer()).get('/api/v1/ministry/indicators.csv?from=2025&to=2025').set('Cookie', cookie).expect(200);
    await request(t.app.getHttpServer()).get('/tableau-de-bord/districts/namur').set('Cookie', cookie).expect(403);
  });

  it('given a forged or missing token, when the sign-in or the dashboard is used, then it is refused as a page', async () => {
    const refused = await request(t.app.getHttpServer()).post('/connexion').type('form').send({ jeton: 'eyJhbGciOiJub25lIn0.e30.' }).expect(401);
    expect(refused.text).toContain('Jeton refusé');
    const anonymous = await request(t.app.getHttpServer()).get('/tableau-de-bord/ministere').expect(401);
    expect(anonymous.headers['content-type']).toContain('text/html');
    expect(anonymous.text).toContain('href="/connexion"');
  });

  it('given an inverted period on the ministry page, when shown, then the page explains the refusal in French with the same status', async () => {
    const response = await get('/tableau-de-bord/ministere?from=2025&to=2024', t.tokens.ministry).expect(422);
    expect(response.text).toContain('La période commence (2025) après sa fin (2024).');
  });
});
