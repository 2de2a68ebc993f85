import { requiredEnv } from '@lien/shared-testing';
import { SessionsTestApp, TestCase } from './testing/sessions-test-app';
import { SessionsTestInfrastructure } from './testing/sessions-test-infrastructure';

const base = (caseId: string) => `/api/v1/districts/luxembourg/cases/${caseId}`;

describe('sessions API on the real PostgreSQL store, with tokens', () => {
  let service: SessionsTestApp;
  let practitioner: string;
  let coordinator: string;
  let first: TestCase;
  let second: TestCase;

  const interview = (c: TestCase, overrides: Record<string, unknown> = {}) => ({
    sessionType: 'child-interview',
    participantIds: [c.child],
    practitionerIds: ['practitioner-1'],
    roomId: 'salle-bleue',
    startsAt: '2026-03-02T10:00:00+01:00',
    endsAt: '2026-03-02T11:00:00+01:00',
    ...overrides,
  });
  const post = (path: string, body: object, token = practitioner) => service.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const etagOf = async (c: TestCase) => (await service.http().get(`${base(c.caseId)}/session-plan`).auth(practitioner, { type: 'bearer' }).expect(200)).headers['etag'] as string;

  beforeAll(async () => {
    service = await SessionsTestApp.start(new SessionsTestInfrastructure(requiredEnv('DATABASE_URL')));
    practitioner = await service.token(['practitioner'], 'practitioner-1');
    coordinator = await service.token(['coordinator'], 'coordinator-1');
    first = await service.openCase();
    second = await service.openCase();
  }, 60_000);
  afterAll(() => service?.stop());

  it('given an open plan, when an interview is scheduled, then 201 with Location, ETag and the arrival windows in UTC and Brussels time', async () => {
    const response = await post(`${base(first.caseId)}/sessions`, interview(first)).expect(201);
    expect(response.headers['location']).toBe(`${base(first.caseId)}/sessions/${response.body.session.sessionId}`);
    expect(response.headers['etag']).toBe('"1"');
    expect(response.body.session.separation).toEqual([
      {
        household: 'protected',
        arrives: { from: { utc: '2026-03-02T08:45:00.000Z', local: '2026-03-02T09:45:00+01:00' }, by: { utc: '2026-03-02T09:00:00.000Z', local: '2026-03-02T10:00:00+01:00' } },
        leaves: { from: { utc: '2026-03-02T10:00:00.000Z', local: '2026-03-02T11:00:00+01:00' }, by: { utc: '2026-03-02T10:15:00.000Z', local: '2026-03-02T11:15:00+01:00' } },
      },
    ]);
  });

  it.each([
    ['a start without time zone', { startsAt: '2026-03-02T14:00:00' }, 'TIME_ZONE_MISSING', 'startsAt'],
    ['a session in the past', { startsAt: '2026-03-01T14:00:00+01:00', endsAt: '2026-03-01T15:00:00+01:00' }, 'SESSION_IN_THE_PAST', 'startsAt'],
    ['an end before the start', { startsAt: '2026-03-02T15:00:00+01:00', endsAt: '2026-03-02T14:00:00+01:00' }, 'END_NOT_AFTER_START', 'endsAt'],
    ['an unknown participant', { participantIds: ['00000000-0000-4000-8000-000000000000'] }, 'UNKNOWN_PARTICIPANT', 'participantIds[0]'],
    ['an unknown room', { roomId: 'cave' }, 'UNKNOWN_ROOM', 'roomId'],
  ])('given %s, when scheduled, then 422 problem details name the field and nothing is stored', async (_, overrides, code, field) => {
    const before = await etagOf(second);
    const response = await post(`${base(second.caseId)}/sessions`, interview(second, { startsAt: '2026-03-02T14:00:00+01:00', endsAt: '2026-03-02T15:00:00+01:00', ...overrides })).expect(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 422, code, field });
    expect(await etagOf(second)).toBe(before);
  });

  it('given a person of another case, when scheduled in this one, then 422 names them as not linked to the case', async () => {
    const attempt = () => post(`${base(second.caseId)}/sessions`, interview(second, { participantIds: [first.child], startsAt: '2026-03-02T14:00:00+01:00', endsAt: '2026-03-02T15:00:00+01:00' }));
    // The district's directory of people is a projection: until it has the other case, the id is merely unknown.
    await service.eventually('the directory', async () => (await attempt()).body.code === 'PARTICIPANT_NOT_LINKED_TO_CASE');
    expect((await attempt().expect(422)).body).toMatchObject({ code: 'PARTICIPANT_NOT_LINKED_TO_CASE', field: 'participantIds[0]' });
  });

  it('given proposed windows where the households would cross at the door, when scheduled, then 422 names the window', async () => {
    const separation = [
      { household: 'protected', arrivesFrom: '2026-03-03T13:40:00+01:00', arrivesBy: '2026-03-03T14:00:00+01:00', leavesFrom: '2026-03-03T15:00:00+01:00', leavesBy: '2026-03-03T15:15:00+01:00' },
      { household: 'other', arrivesFrom: '2026-03-03T13:30:00+01:00', arrivesBy: '2026-03-03T13:45:00+01:00', leavesFrom: '2026-03-03T15:20:00+01:00', leavesBy: '2026-03-03T15:40:00+01:00' },
    ];
    const network = interview(second, { sessionType: 'network-meeting', participantIds: [second.child, second.father], startsAt: '2026-03-03T14:00:00+01:00', endsAt: '2026-03-03T15:00:00+01:00', separation });
    const response = await post(`${base(second.caseId)}/sessions`, network).expect(422);
    expect(response.body).toMatchObject({ code: 'HOUSEHOLD_WINDOWS_OVERLAP', field: 'separation[1].arrivesFrom' });
  });

  it('given a field the API does not know, when scheduled, then 400 names it', async () => {
    const response = await post(`${base(second.caseId)}/sessions`, { ...interview(second), childName: 'Zoé' }).expect(400);
    expect(response.body.errors).toEqual([{ field: 'childName', message: 'property childName should not exist' }]);
  });

  it('given two cases wanting one room at once, when both post together, then one gets it and the other gets 409 ROOM_DOUBLE_BOOKED', async () => {
    const slot = { roomId: 'salle-verte', startsAt: '2026-03-04T10:00:00+01:00', endsAt: '2026-03-04T11:00:00+01:00' };
    const answers = await Promise.all([
      post(`${base(first.caseId)}/sessions`, interview(first, { ...slot, practitionerIds: ['p-a'] })),
      post(`${base(second.caseId)}/sessions`, interview(second, { ...slot, practitionerIds: ['p-b'] })),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body).toMatchObject({ code: 'ROOM_DOUBLE_BOOKED', field: 'roomId' });
  });

  it('given an Idempotency-Key, when the same schedule is posted twice, then the first answer is replayed and one session exists', async () => {
    const body = interview(second, { roomId: 'salle-jaune', startsAt: '2026-03-05T10:00:00+01:00', endsAt: '2026-03-05T11:00:00+01:00' });
    const once = await post(`${base(second.caseId)}/sessions`, body).set('Idempotency-Key', 'schedule-5-march').expect(201);
    const again = await post(`${base(second.caseId)}/sessions`, body).set('Idempotency-Key', 'schedule-5-march').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(once.body);
    const plan = await service.http().get(`${base(second.caseId)}/session-plan`).auth(practitioner, { type: 'bearer' }).expect(200);
    expect(plan.body.sessions.filter((s: { startsAt: { utc: string } }) => s.startsAt.utc === '2026-03-05T09:00:00.000Z')).toHaveLength(1);
  });

  it('given a scheduled session, when moved without If-Match, with a stale ETag, then with the current one, then 428, 412, 200', async () => {
    const created = await post(`${base(first.caseId)}/sessions`, interview(first, { startsAt: '2026-03-06T10:00:00+01:00', endsAt: '2026-03-06T11:00:00+01:00' })).expect(201);
    const path = `${base(first.caseId)}/sessions/${created.body.session.sessionId}/reschedule`;
    const move = { roomId: 'salle-bleue', startsAt: '2026-03-06T13:00:00+01:00', endsAt: '2026-03-06T14:00:00+01:00' };
    await post(path, move).expect(428);
    await post(path, move).set('If-Match', '"0"').expect(412);
    const moved = await post(path, move).set('If-Match', created.headers['etag'] as string).expect(200);
    expect(moved.body.session.startsAt.local).toBe('2026-03-06T13:00:00+01:00');
    expect(moved.headers['etag']).not.toBe(created.headers['etag']);
  });

  it('given a session under way, when the same attendance is recorded twice and an observation quotes the child, then the second records nothing and the words come back verbatim', async () => {
    const created = await post(`${base(second.caseId)}/sessions`, interview(second, { roomId: 'salle-bleue', startsAt: '2026-03-02T16:00:00+01:00', endsAt: '2026-03-02T17:00:00+01:00' })).expect(201);
    const session = `${base(second.caseId)}/sessions/${created.body.session.sessionId}`;
    service.infrastructure.clock.set('2026-03-02T15:10:00.000Z');
    const put = (etag: string) => service.http().put(`${session}/attendance/${second.child}`).auth(practitioner, { type: 'bearer' }).set('If-Match', etag).send({ status: 'late', lateMinutes: 10 });
    const recorded = await put(created.headers['etag'] as string).expect(200);
    const repeated = await put(recorded.headers['etag'] as string).expect(200);
    expect([recorded.body.recorded, repeated.body.recorded]).toEqual([['AttendanceRecorded'], []]);
    const words = '  Je veux voir papa… mais pas tout seul.  ';
    await post(`${session}/observations`, { aboutParticipantId: second.child, text: "L'enfant dessine une maison avec deux portes.", childWords: [{ speakerId: second.child, words }] }).expect(201);
    const read = await service.http().get(session).auth(practitioner, { type: 'bearer' }).expect(200);
    expect(read.body.observations[0].childWords).toEqual([{ speakerId: second.child, words }]);
    const raw = await service.infrastructure.opened?.rawStore.readStream(`sessionplan-${second.caseId}`, { district: 'luxembourg' });
    expect(JSON.stringify(raw?.map((e) => e.data))).not.toContain('pas tout seul');
    service.infrastructure.clock.set('2026-03-02T07:00:00.000Z');
  });

  it('given the district calendar and a case timeline, when read, then the projections show the sessions with Brussels times', async () => {
    await service.eventually('the calendar', async () => {
      const calendar = await service.http().get('/api/v1/districts/luxembourg/calendar').query({ from: '2026-03-02T00:00:00+01:00', to: '2026-03-03T00:00:00+01:00' }).auth(practitioner, { type: 'bearer' });
      return calendar.status === 200 && calendar.body.sessions.length === 2;
    });
    const timeline = await service.http().get(`${base(first.caseId)}/timeline`).auth(practitioner, { type: 'bearer' }).expect(200);
    expect(timeline.body.entries[0]).toMatchObject({ entry: 'SessionPlanOpened', revision: 0 });
    const missingZone = await service.http().get('/api/v1/districts/luxembourg/calendar').query({ from: '2026-03-02T00:00:00', to: '2026-03-03T00:00:00+01:00' }).auth(practitioner, { type: 'bearer' }).expect(422);
    expect(missingZone.body).toMatchObject({ code: 'TIME_ZONE_MISSING', field: 'from' });
  });

  it('given a practitioner, when lifting a suspension, then 403; a coordinator without suspension lifts nothing', async () => {
    await post(`${base(first.caseId)}/session-plan/suspension/lift`, {}).set('If-Match', '*').expect(403);
    const lifted = await post(`${base(first.caseId)}/session-plan/suspension/lift`, {}, coordinator).set('If-Match', '*').expect(200);
    expect(lifted.body.recorded).toEqual([]);
  });
});
