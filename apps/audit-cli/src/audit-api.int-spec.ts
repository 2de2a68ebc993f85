import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { AccessLog } from '@lien/shared-access-log';
import { verifyInclusion } from '@lien/shared-audit';
import { AuthModule, DevIssuer } from '@lien/shared-auth';
import { configureHttp } from '@lien/shared-platform';
import { requiredEnv } from '@lien/shared-testing';
import { OpenedEventStore, openEventStore } from '@lien/shared-wiring';
import { AuditApiModule } from './api/audit-api.module';
import { openAuditedStores } from './audit-context';
import { CHILD_FIRST_NAME, seedReferrals } from './testing/referral-history';

describe('the auditor API on the real PostgreSQL store, with dev-issued tokens', () => {
  const id = randomUUID().replace(/-/g, '').slice(0, 8);
  const prefix = `auapi_${id}`;
  const district = `apa${id}`;
  const other = `apb${id}`;
  const empty = `apc${id}`;
  let opened: OpenedEventStore;
  let app: INestApplication;
  let streams: string[] = [];
  const tokens: Record<'auditor' | 'otherAuditor' | 'emptyAuditor' | 'analyst' | 'practitioner' | 'auditorCoordinator', string> = {} as never;
  const base = (d = district) => `/api/v1/audit/districts/${d}`;
  const get = (path: string, token: string) => request(app.getHttpServer()).get(path).set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    const databaseUrl = requiredEnv('DATABASE_URL');
    const infrastructure = { mode: 'real', databaseUrl, schemaPrefix: prefix } as const;
    opened = await openEventStore(infrastructure, 'referrals');
    streams = await seedReferrals(opened.store, district, 3);
    await seedReferrals(opened.store, other, 1);
    const module = AuditApiModule.forRoot({ auth: AuthModule.forRoot({ mode: 'dev', rateLimitPerMinute: 10_000 }), openStores: () => openAuditedStores(infrastructure, 'referrals') });
    app = (await Test.createTestingModule({ imports: [module] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(app, { name: 'lien' });
    await app.init();
    const issuer = app.get(DevIssuer);
    tokens.auditor = await issuer.mint({ userId: 'auditor-a', roles: ['auditor'], districts: [district] });
    tokens.otherAuditor = await issuer.mint({ userId: 'auditor-b', roles: ['auditor'], districts: [other] });
    tokens.emptyAuditor = await issuer.mint({ userId: 'auditor-c', roles: ['auditor'], districts: [empty] });
    tokens.analyst = await issuer.mint({ userId: 'analyst-1', roles: ['ministry-analyst'], districts: [district] });
    tokens.practitioner = await issuer.mint({ userId: 'practitioner-1', roles: ['practitioner'], districts: [district] });
    tokens.auditorCoordinator = await issuer.mint({ userId: 'coordinator-auditing', roles: ['auditor', 'coordinator'], districts: [district] });
  });

  afterAll(async () => {
    await app?.close();
    await opened?.close();
    const pool = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS ${prefix}_referrals_events CASCADE; DROP SCHEMA IF EXISTS ${prefix}_referrals_keys CASCADE`);
    await pool.end();
  });

  it('given an auditor of the district, when verifying, then every chain verifies and each store reports its root', async () => {
    const response = await get(`${base()}/verify`, tokens.auditor).expect(200);
    expect(response.body).toMatchObject({ district, intact: true, eventsChecked: 9, stores: [{ service: 'referrals', eventsChecked: 9, streamsChecked: 3, breaks: [] }] });
    expect(response.body.stores[0].root).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given an auditor of another district, when reading this one, then refused as absent (404), like every service answers another district', async () => {
    for (const path of ['verify', 'seals', `cases/${streams[0]}/as-of?at=${new Date().toISOString()}`, `cases/${streams[0]}/export`]) {
      const response = await get(`${base()}/${path}`, tokens.otherAuditor).expect(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
    await get(`${base(other)}/verify`, tokens.otherAuditor).expect(200);
  });

  it('given a ministry analyst, a practitioner or no token, when calling the audit endpoints, then 403 (401 without a token) and nothing is sealed', async () => {
    for (const token of [tokens.analyst, tokens.practitioner]) {
      for (const path of ['verify', 'seals', `cases/${streams[0]}/activity`, `cases/${streams[0]}/export`]) {
        expect((await get(`${base()}/${path}`, token).expect(403)).body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      }
      await request(app.getHttpServer()).post(`${base()}/seals`).set('authorization', `Bearer ${token}`).expect(403);
    }
    await request(app.getHttpServer()).get(`${base()}/verify`).expect(401);
    expect((await get(`${base()}/seals`, tokens.auditor).expect(200)).body.seals).toEqual([]);
  });

  it('given a case, when asked as of now, then its state and timeline with personal fields redacted, and the read is logged', async () => {
    const stream = streams[1] as string;
    const response = await get(`${base()}/cases/${stream}/as-of?at=${new Date().toISOString()}`, tokens.auditor).expect(200);
    expect(response.body).toMatchObject({ service: 'referrals', stream, state: { revision: 3, eventsThen: 4, eventsTotal: 4, lastEventType: 'referrals.CaseClosed.v1' } });
    expect(response.body.timeline.map((e: { type: string }) => e.type)).toEqual(['referrals.ReferralRegistered.v1', 'referrals.ReferralAccepted.v1', 'referrals.CaseOpened.v1', 'referrals.CaseClosed.v1']);
    expect(JSON.stringify(response.body)).toContain('"$redacted":"personal data"');
    expect(JSON.stringify(response.body)).not.toContain(CHILD_FIRST_NAME);
    const reads = await new AccessLog(opened.raw).readDay(district, new Date().toISOString().slice(0, 10));
    expect(reads.some((r) => r.data['caseStream'] === stream && r.data['kind'] === 'read' && r.metadata.actor.userId === 'auditor-a')).toBe(true);
  });

  it('given a case whose child was erased, when asked as of now, then the child’s fields show as erased', async () => {
    const stream = streams[2] as string;
    const caseOpened = (await opened.raw.readStream(stream, { district })).find((e) => e.type === 'referrals.CaseOpened.v1');
    const [child] = (caseOpened?.data['childIds'] ?? []) as string[];
    await opened.keys.erase(child as string, district);
    const body = JSON.stringify((await get(`${base()}/cases/${stream}/as-of?at=${new Date().toISOString()}`, tokens.auditor).expect(200)).body);
    expect(body).toContain('"$erased":true');
    expect(body).not.toContain('$sealed');
  });

  it('given bad input, when asked, then problem details whose code mirrors the CLI exit code', async () => {
    const stream = streams[1] as string;
    const before = await get(`${base()}/cases/${stream}/as-of?at=2001-01-01T00:00:00Z`, tokens.auditor).expect(422);
    expect(before.body).toMatchObject({ code: 'BEFORE_CASE_EXISTED', exitCode: 8 });
    const malformed = await get(`${base()}/cases/${stream}/as-of?at=yesterday`, tokens.auditor).expect(400);
    expect(malformed.body).toMatchObject({ code: 'MALFORMED_DATE', exitCode: 2 });
    expect(JSON.stringify(malformed.body)).not.toContain('yesterday');
    expect((await get(`${base()}/cases/${stream}/activity?from=2026-13-45`, tokens.auditor).expect(400)).body).toMatchObject({ code: 'MALFORMED_DATE' });
    expect((await get(`${base()}/cases/${stream}/as-of`, tokens.auditor).expect(400)).body.errors[0].field).toBe('at');
    expect((await get(`${base()}/cases/${stream}/activity?from=2026-06-01T00:00:00Z&to=2026-05-01T00:00:00Z`, tokens.auditor).expect(400)).body).toMatchObject({ code: 'PERIOD_REVERSED', exitCode: 2 });
    expect((await get(`${base()}/cases/referral-${randomUUID()}/export`, tokens.auditor).expect(404)).body).toMatchObject({ code: 'UNKNOWN_CASE', exitCode: 7 });
    expect((await get(`${base()}/cases/Zo%C3%A9%20Fictive/export`, tokens.auditor).expect(400)).body).toMatchObject({ code: 'MALFORMED_CASE', exitCode: 2 });
    expect((await get(`${base()}/events/${randomUUID()}/proof`, tokens.auditor).expect(404)).body).toMatchObject({ code: 'UNKNOWN_EVENT', exitCode: 7 });
    expect((await get(`${base(empty)}/verify`, tokens.emptyAuditor).expect(404)).body).toMatchObject({ code: 'UNKNOWN_DISTRICT', exitCode: 4 });
    expect((await get(`${base()}/seals?check=maybe`, tokens.auditor).expect(400)).body.errors[0].field).toBe('check');
  });

  it('given an auditor, when exporting a case, then JSON lines with personal fields redacted, and the export is in the access log and the activity', async () => {
    const stream = streams[1] as string;
    const response = await get(`${base()}/cases/${stream}/export`, tokens.auditor).expect(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const [header, ...events] = response.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(header).toMatchObject({ export: 'lien.case-history.v1', stream, personalData: 'redacted', exportedBy: { userId: 'auditor-a', role: 'auditor' }, verification: { intact: true, eventsChecked: 4 } });
    expect(events).toHaveLength(4);
    expect(response.text).not.toContain(CHILD_FIRST_NAME);
    const activity = await get(`${base()}/cases/${stream}/activity`, tokens.auditor).expect(200);
    expect(activity.body.did).toHaveLength(4);
    expect(activity.body.saw).toContainEqual(expect.objectContaining({ actor: { userId: 'auditor-a', role: 'auditor' }, kind: 'export', purpose: 'audit' }));
  });

  it('given a token whose roles grant both events:audit and case:read, when exporting, then personal fields are included and logged under the entitling role', async () => {
    const stream = streams[1] as string;
    const response = await get(`${base()}/cases/${stream}/export`, tokens.auditorCoordinator).expect(200);
    expect(JSON.parse(response.text.split('\n')[0] as string)).toMatchObject({ personalData: 'included', exportedBy: { userId: 'coordinator-auditing', role: 'coordinator' } });
    expect(response.text).toContain(CHILD_FIRST_NAME);
    const reads = await new AccessLog(opened.raw).readDay(district, new Date().toISOString().slice(0, 10));
    expect(reads.some((r) => r.data['kind'] === 'export' && r.metadata.actor.userId === 'coordinator-auditing' && r.metadata.actor.role === 'coordinator')).toBe(true);
  });

  it('given a seal on demand, when an event is proven, then the small proof verifies offline and the seal checks out', async () => {
    const sealed = await request(app.getHttpServer()).post(`${base()}/seals`).set('authorization', `Bearer ${tokens.auditor}`).expect(201);
    expect(sealed.body.seals).toEqual([expect.objectContaining({ service: 'referrals', district })]);
    const eventId = (await opened.raw.readStream(streams[0] as string, { district }))[0]?.id as string;
    const proof = await get(`${base()}/events/${eventId}/proof`, tokens.auditor).expect(200);
    expect(Buffer.byteLength(proof.text)).toBeLessThan(1024);
    const { leaf, index, size, proof: path, root } = proof.body;
    expect(verifyInclusion(Buffer.from(leaf, 'hex'), index, size, path.map((h: string) => Buffer.from(h, 'hex')), Buffer.from(root, 'hex'))).toBe(true);
    const seals = await get(`${base()}/seals?check=true`, tokens.auditor).expect(200);
    expect(seals.body.seals).toEqual([expect.objectContaining({ root, matches: true })]);
  });

  it('given a stored row altered in the database, when verified over the API, then the break is reported and the export is flagged', async () => {
    const stream = streams[0] as string;
    const pool = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 1 });
    await pool.query(`UPDATE ${prefix}_referrals_events.events SET data = jsonb_set(data, '{reason}', '"FORGED"') WHERE district = $1 AND stream_name = $2 AND revision = 1`, [district, stream]);
    await pool.end();
    const response = await get(`${base()}/verify`, tokens.auditor).expect(200);
    expect(response.body).toMatchObject({ intact: false, stores: [{ breaks: [{ streamName: stream, revision: 1, reason: 'hash-mismatch' }] }] });
    const header = JSON.parse((await get(`${base()}/cases/${stream}/export`, tokens.auditor).expect(200)).text.split('\n')[0] as string);
    expect(header.verification).toEqual({ intact: false, eventsChecked: 2, firstBreakAtRevision: 1 });
  });
});
