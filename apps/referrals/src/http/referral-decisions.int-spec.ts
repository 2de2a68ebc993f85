import { requiredEnv } from '@lien/shared-testing';
import { aRegistrationBody, ReferralsTestApp, startReferralsApp } from '../test-support/referrals-test-app';

const base = '/api/v1/districts/luxembourg/referrals';

describe('intake decisions over HTTP (If-Match, transitions, capacity, list)', () => {
  let service: ReferralsTestApp;
  let coordinator: string;
  let practitioner: string;

  beforeAll(async () => {
    service = await startReferralsApp(requiredEnv('DATABASE_URL'), { capacities: { luxembourg: 2, namur: 2 } });
    coordinator = await service.token('coordinator');
    practitioner = await service.token('practitioner');
  });
  afterAll(async () => service?.close());

  async function registered(body = aRegistrationBody()): Promise<{ id: string; etag: string }> {
    const response = await service.http().post(base).auth(practitioner, { type: 'bearer' }).send(body).expect(201);
    return { id: response.body.id, etag: response.headers['etag'] };
  }
  const decide = (id: string, action: string, etag: string | undefined, body: object = {}, token = coordinator) => {
    const pending = service.http().post(`${base}/${id}/${action}`).auth(token, { type: 'bearer' }).send(body);
    return etag ? pending.set('If-Match', etag) : pending;
  };

  it('given a received referral, when accepted without If-Match, then 428; with a stale ETag, then 412 and the current ETag', async () => {
    const { id, etag } = await registered();
    await decide(id, 'accept', undefined).expect(428);
    const waitlisted = await decide(id, 'waitlist', etag).expect(200);
    const stale = await decide(id, 'accept', etag).expect(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect(stale.headers['etag']).toBe(waitlisted.headers['etag']);
  });

  it('given a received referral, when a coordinator accepts it with its ETag, then a case opens and the detail shows it', async () => {
    const { id, etag } = await registered();
    const response = await decide(id, 'accept', etag).expect(200);
    expect(response.body).toMatchObject({ id, status: 'ACCEPTED', revision: '2', caseId: expect.any(String) });
    const detail = await service.http().get(`${base}/${id}`).auth(practitioner, { type: 'bearer' }).expect(200);
    expect(detail.body).toMatchObject({ status: 'ACCEPTED', caseId: response.body.caseId, acceptedAt: expect.any(String) });
    expect(detail.headers['etag']).toBe('"2"');
    await decide(id, 'close', '"2"', { outcome: 'REFERRED_ELSEWHERE' }).expect(200);
  });

  it('given a practitioner, when accepting, then 403 (intake decisions belong to coordinators)', async () => {
    const { id, etag } = await registered();
    await decide(id, 'accept', etag, {}, practitioner).expect(403);
  });

  it('given a declined referral, when accepted, then 409 with a stable code; declined again for the same reason, nothing changes', async () => {
    const { id, etag } = await registered();
    const declined = await decide(id, 'decline', etag, { reason: 'OTHER_SERVICE_BETTER_PLACED', note: 'Espace-Rencontre de la division' }).expect(200);
    const refused = await decide(id, 'accept', declined.headers['etag']).expect(409);
    expect(refused.body).toMatchObject({ status: 409, code: 'REFERRAL_NOT_ACCEPTABLE', referralStatus: 'DECLINED' });
    const again = await decide(id, 'decline', declined.headers['etag'], { reason: 'OTHER_SERVICE_BETTER_PLACED', note: 'Encore' }).expect(200);
    expect(again.headers['etag']).toBe(declined.headers['etag']);
    const detail = await service.http().get(`${base}/${id}`).auth(practitioner, { type: 'bearer' }).expect(200);
    expect(detail.body).toMatchObject({ status: 'DECLINED', declineReason: 'OTHER_SERVICE_BETTER_PLACED', declineNote: 'Espace-Rencontre de la division' });
  });

  it('given an unknown decline reason or a missing note, when declining, then 400 naming the fields', async () => {
    const { id, etag } = await registered();
    const response = await decide(id, 'decline', etag, { reason: 'NO_REASON' }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['reason', 'note']));
  });

  it('given a mandate without deadlines, when accepted, then 409 MANDATE_INCOMPLETE; once amended with a deadline, it is accepted', async () => {
    const { id, etag } = await registered(aRegistrationBody({}, { reportDeadlines: [] }));
    const refused = await decide(id, 'accept', etag).expect(409);
    expect(refused.body).toMatchObject({ code: 'MANDATE_INCOMPLETE', missing: 'reportDeadlines' });
    const amended = await decide(id, 'amend', etag, { kind: 'AMENDMENT', decisionDate: '2026-02-01', reportDeadlines: [{ kind: 'FINAL', dueOn: '2026-08-01' }] }, practitioner).expect(200);
    const accepted = await decide(id, 'accept', amended.headers['etag']).expect(200);
    await decide(id, 'withdraw', accepted.headers['etag'], { note: 'Le tribunal met fin à la mesure' }, practitioner).expect(200);
    const detail = await service.http().get(`${base}/${id}`).auth(practitioner, { type: 'bearer' }).expect(200);
    expect(detail.body).toMatchObject({ status: 'WITHDRAWN', outcome: 'MANDATE_WITHDRAWN', withdrawalNote: 'Le tribunal met fin à la mesure', amendments: [{ kind: 'AMENDMENT' }] });
  });

  it('given a renewal whose deadline precedes its decision, when sent, then 422 naming the deadline', async () => {
    const { id, etag } = await registered();
    const response = await decide(id, 'amend', etag, { kind: 'RENEWAL', decisionDate: '2026-03-01', reportDeadlines: [{ kind: 'FINAL', dueOn: '2026-02-01' }] }, practitioner).expect(422);
    expect(response.body).toMatchObject({ code: 'REPORT_DEADLINE_BEFORE_DECISION', field: 'reportDeadlines.0.dueOn' });
  });

  it('given a received referral, when its case is closed, then 409 CASE_NOT_OPEN', async () => {
    const { id, etag } = await registered();
    const response = await decide(id, 'close', etag, { outcome: 'BOND_RESUMED' }).expect(409);
    expect(response.body.code).toBe('CASE_NOT_OPEN');
  });

  it('given an unknown referral, when decided, then 404', async () => {
    await decide('0b7c4b1e-1b7d-4a51-9f3c-2d1e0f9a8b7c', 'accept', '"0"').expect(404);
    await decide('not-an-id', 'accept', '"0"').expect(404);
  });

  it('given a full district, when another referral is accepted, then 409 DISTRICT_AT_CAPACITY and the capacity endpoint says so', async () => {
    // Namur, untouched by the other tests, so that its two slots are free at the start.
    const namur = '/api/v1/districts/namur';
    const [writer, decider] = [await service.token('practitioner', 'namur'), await service.token('coordinator', 'namur')];
    const registeredInNamur = async () => {
      const response = await service.http().post(`${namur}/referrals`).auth(writer, { type: 'bearer' }).send(aRegistrationBody()).expect(201);
      return { id: response.body.id as string, etag: response.headers['etag'] as string };
    };
    const acceptInNamur = (c: { id: string; etag: string }) => service.http().post(`${namur}/referrals/${c.id}/accept`).auth(decider, { type: 'bearer' }).set('If-Match', c.etag);
    for (const c of [await registeredInNamur(), await registeredInNamur()]) await acceptInNamur(c).expect(200);
    const refused = await acceptInNamur(await registeredInNamur()).expect(409);
    expect(refused.body).toMatchObject({ code: 'DISTRICT_AT_CAPACITY', capacity: 2 });
    const capacity = await service.http().get(`${namur}/capacity`).auth(decider, { type: 'bearer' }).expect(200);
    expect(capacity.body).toMatchObject({ district: 'namur', capacity: 2, openCases: 2, freeSlots: 0, waitlisted: 0 });
  });

  it('given referrals of both mandant types and statuses, when listed with filters and pages, then only matching ones, newest first, without personal data', async () => {
    const saj = await registered(aRegistrationBody({}, { mandantType: 'SAJ', legalBasis: 'CONSENT_BASED' }));
    await decide(saj.id, 'waitlist', saj.etag).expect(200);
    const list = (query: string) => service.http().get(`${base}?${query}`).auth(practitioner, { type: 'bearer' }).expect(200);
    const waitlistedSaj = await list('status=WAITLISTED&mandantType=SAJ');
    expect(waitlistedSaj.body.items.map((i: { id: string }) => i.id)).toEqual([saj.id]);
    expect(waitlistedSaj.body.items[0]).toMatchObject({ status: 'WAITLISTED', mandantType: 'SAJ', waitlistPosition: expect.any(Number) });
    const page = await list('limit=2&offset=1');
    expect(page.body).toMatchObject({ limit: 2, offset: 1, total: expect.any(Number) });
    expect(page.body.items).toHaveLength(2);
    expect(JSON.stringify(page.body)).not.toMatch(/Zoé|Marie|Tilleuls/);
    const invalid = await service.http().get(`${base}?status=LOST&limit=1000`).auth(practitioner, { type: 'bearer' }).expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['status', 'limit']));
  });
});
