import { randomUUID } from 'node:crypto';
import { requiredEnv } from '@lien/shared-testing';
import { accessLogStream } from '@lien/shared-access-log';
import { aRegistrationBody, ReferralsTestApp, startReferralsApp } from '../test-support/referrals-test-app';

const base = '/api/v1/districts/luxembourg/referrals';

describe('registering a mandate over HTTP (real PostgreSQL event store, dev tokens)', () => {
  let service: ReferralsTestApp;
  let practitioner: string;

  beforeAll(async () => {
    service = await startReferralsApp(requiredEnv('DATABASE_URL'));
    practitioner = await service.token('practitioner');
  });
  afterAll(async () => service?.close());

  const register = (body: object, key?: string) => {
    const pending = service.http().post(base).auth(practitioner, { type: 'bearer' }).send(body);
    return key ? pending.set('Idempotency-Key', key) : pending;
  };
  const events = async () => (await service.runtime.events.raw.readAll({ filter: { categories: ['referral'] } })).events;

  it('given a complete mandate, when registered, then 201 with the id, ETag "0", Location, and no personal data in the answer', async () => {
    const response = await register(aRegistrationBody()).expect(201);
    expect(response.body).toEqual({ id: expect.any(String), status: 'RECEIVED', revision: '0' });
    expect(response.headers['etag']).toBe('"0"');
    expect(response.headers['location']).toBe(`${base}/${response.body.id}`);
  });

  it('given a registered mandate, when read, then the detail shows the people, masks the victim’s confidential address, carries the ETag and logs the read', async () => {
    const body = aRegistrationBody();
    const { id } = (await register(body).expect(201)).body;
    const response = await service.http().get(`${base}/${id}`).auth(practitioner, { type: 'bearer' }).set('X-Lien-Purpose', 'supervision').expect(200);
    expect(response.headers['etag']).toBe('"0"');
    expect(response.body).toMatchObject({ id, status: 'RECEIVED', mandate: { mandantType: 'FAMILY_COURT' }, children: [{ firstName: 'Zoé', birthDate: '2017-05-04', erased: false }] });
    expect(response.body.adults[0]).toMatchObject({ role: 'MOTHER', firstName: 'Marie', address: null, addressConfidential: true });
    expect(response.body.mandate.modalities[0].note).toBe('Le mercredi à Marche');
    const reads = await service.runtime.accessLog.readDay('luxembourg', new Date().toISOString().slice(0, 10));
    expect(reads.some((e) => e.data['caseStream'] === id && e.data['purpose'] === 'supervision')).toBe(true);
    expect(accessLogStream('luxembourg', 'x')).toContain('accesslog-');
  });

  it('given a child erased (key deleted), when the referral is read, then the child’s personal fields are null and marked erased, the rest intact', async () => {
    const body = aRegistrationBody();
    const childId = (body['children'] as Array<{ personId: string }>)[0]?.personId as string;
    const { id } = (await register(body).expect(201)).body;
    await service.runtime.events.keys.erase(childId, 'luxembourg');
    const response = await service.http().get(`${base}/${id}`).auth(practitioner, { type: 'bearer' }).expect(200);
    expect(response.body.children).toEqual([{ personId: childId, firstName: null, lastName: null, birthDate: null, erased: true }]);
    expect(response.body.adults[1]).toMatchObject({ firstName: 'Marc', erased: false });
  });

  it('given a stored registration, when the raw log is inspected, then names, birth dates and addresses are sealed', async () => {
    const { id } = (await register(aRegistrationBody()).expect(201)).body;
    const stored = JSON.stringify((await events()).filter((e) => e.streamName === `referral-${id}`).map((e) => e.data));
    for (const secret of ['Zoé', 'Marie', 'Tilleuls', '2017-05-04', 'mercredi']) expect(stored).not.toContain(secret);
  });

  it.each([
    ['a missing child list', aRegistrationBody({ children: [] }), 'children'],
    ['an unknown mandant type', aRegistrationBody({}, { mandantType: 'PARQUET' }), 'mandate.mandantType'],
    ['an impossible date', aRegistrationBody({}, { decisionDate: '2026-02-30' }), 'mandate.decisionDate'],
    ['a malformed reference', aRegistrationBody({}, { reference: 'RG#12;DROP' }), 'mandate.reference'],
    ['an over-long reference', aRegistrationBody({}, { reference: 'A'.repeat(65) }), 'mandate.reference'],
    ['a blank reference', aRegistrationBody({}, { reference: '  /  ' }), 'mandate.reference'],
    ['an oversized note', aRegistrationBody({}, { modalities: [{ kind: 'SUPERVISED_MEETINGS', note: 'x'.repeat(2001) }] }), 'mandate.modalities.0.note'],
    ['an unknown field', aRegistrationBody({ childName: 'Zoé' }), 'childName'],
    ['a child without birth date', aRegistrationBody({ children: [{ personId: randomUUID(), firstName: 'Zoé', lastName: 'Fictive' }] }), 'children.0.birthDate'],
  ])('given %s, when registered, then 400 problem details naming the field, in French, and nothing stored', async (_, body, field) => {
    const before = (await events()).length;
    const response = await register(body).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(JSON.stringify(response.body)).not.toContain('Zoé');
    expect((await events()).length).toBe(before);
  });

  it.each([
    ['a report deadline before the decision', aRegistrationBody({}, { reportDeadlines: [{ kind: 'FINAL', dueOn: '2026-01-19' }] }), 'REPORT_DEADLINE_BEFORE_DECISION', 'mandate.reportDeadlines.0.dueOn'],
    ['no parent among the adults', aRegistrationBody({ adults: [{ personId: randomUUID(), role: 'GUARDIAN', firstName: 'A', lastName: 'B' }], protectiveMeasures: [] }), 'MANDATE_WITHOUT_PARENT', 'adults'],
    ['a constrained SAJ request', aRegistrationBody({}, { mandantType: 'SAJ' }), 'LEGAL_BASIS_NOT_ALLOWED_FOR_MANDANT', 'mandate.legalBasis'],
    ['a decision dated in the future', aRegistrationBody({}, { decisionDate: '2099-01-01', reportDeadlines: [] }), 'DECISION_DATE_IN_FUTURE', 'mandate.decisionDate'],
  ])('given %s, when registered, then 422 with the stable code and the field, and nothing stored', async (_, body, code, field) => {
    const before = (await events()).length;
    const response = await register(body).expect(422);
    expect(response.body).toMatchObject({ status: 422, code, field });
    expect((await events()).length).toBe(before);
  });

  it('given an active referral, when its reference is registered again, then 409 pointing to the existing referral', async () => {
    const first = aRegistrationBody();
    const { id } = (await register(first).expect(201)).body;
    const again = aRegistrationBody({}, { reference: ` ${(first['mandate'] as { reference: string }).reference.toLowerCase()} ` });
    const response = await register(again).expect(409);
    expect(response.body).toMatchObject({ code: 'DUPLICATE_MANDATE_REFERENCE', existingReferralId: id });
  });

  it('given eight registrations of one reference sent at once, when they race on PostgreSQL, then one is created and seven point to it', async () => {
    const reference = `RG/${Math.floor(Math.random() * 1e8)}`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => register(aRegistrationBody({}, { reference }))));
    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(7);
    for (const answer of refused) expect(answer.body).toMatchObject({ code: 'DUPLICATE_MANDATE_REFERENCE', existingReferralId: created[0]?.body.id });
  });

  it('given a registration sent twice with one Idempotency-Key, when retried, then the same answer and one referral; with another body, 422', async () => {
    const key = randomUUID();
    const body = aRegistrationBody();
    const first = await register(body, key).expect(201);
    const retry = await register(body, key).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['location']).toBe(first.headers['location']);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const reused = await register(aRegistrationBody(), key).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('given a referral of this district, when a practitioner of another district reads it, then 404', async () => {
    const { id } = (await register(aRegistrationBody()).expect(201)).body;
    await service.http().get(`/api/v1/districts/luxembourg/referrals/${id}`).auth(await service.token('practitioner', 'namur'), { type: 'bearer' }).expect(404);
    await service.http().get(`/api/v1/districts/namur/referrals/${id}`).auth(await service.token('practitioner', 'namur'), { type: 'bearer' }).expect(404);
  });
});
