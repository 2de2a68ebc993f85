import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { fromKafkaMessage, topicName } from '@lien/shared-messaging';
import { InMemoryKeyStore, PersonalDataProtector, ProtectedEventStore } from '@lien/shared-personal-data';
import { relayedMessage } from '@lien/shared-relay';
import { REFERRALS_PUBLISHER } from '@lien/referrals-contracts';
// The one cross-service test: it runs the referrals decider, codec and translator to produce the very
// contract the referrals relay would publish. Sessions code never imports them; this spec does on purpose.
/* eslint-disable @nx/enforce-module-boundaries */
import { referralEventCodec, translateReferralEvent } from '@lien/referrals-application';
import { decideReferral, evolveReferral, initialReferralState, ReferralCommand, ReferralEvent } from '@lien/referrals-domain';
/* eslint-enable @nx/enforce-module-boundaries */
import { createEmbeddedTransport } from '@lien/shared-messaging-embedded';
import { requiredEnv } from '@lien/shared-testing';
import { CASE_OPENED_GROUP, referralTopics } from '@lien/sessions-application';
import { SESSION_CONTRACT_TYPES, SESSION_LIFECYCLE_FAMILY, SESSIONS_SERVICE } from '@lien/sessions-contracts';
import { SessionsTestApp, TestCase } from './testing/sessions-test-app';
import { SessionsTestInfrastructure } from './testing/sessions-test-infrastructure';

const district = 'luxembourg';
const base = (caseId: string) => `/api/v1/districts/${district}/cases/${caseId}`;
const sessionsTopic = topicName({ district, service: SESSIONS_SERVICE, family: SESSION_LIFECYCLE_FAMILY, version: 1 });

/**
 * One case from the referrals contract to a lifted suspension, through the service's own HTTP API, its
 * real PostgreSQL event store and read models, and the embedded transport for contracts in and out.
 */
describe('journey: a case opened by referrals, interviewed safely, suspended after an incident, resumed by a coordinator', () => {
  const transport = createEmbeddedTransport();
  let service: SessionsTestApp;
  let practitioner: string;
  let coordinator: string;
  let family: TestCase;
  let etag: string;

  const call = (method: 'post' | 'get', path: string, token = practitioner) => service.http()[method](path).auth(token, { type: 'bearer' });
  const published = () => {
    try {
      return transport.log.partitions(sessionsTopic).flat().map(fromKafkaMessage);
    } catch {
      return [];
    }
  };
  const interview = (overrides: Record<string, unknown>) => ({ practitionerIds: ['practitioner-1'], roomId: 'salle-bleue', ...overrides });

  beforeAll(async () => {
    service = await SessionsTestApp.start(new SessionsTestInfrastructure(requiredEnv('DATABASE_URL'), transport));
    practitioner = await service.token(['practitioner'], 'practitioner-1');
    coordinator = await service.token(['coordinator'], 'coordinator-1');
  }, 60_000);
  afterAll(() => service?.stop());

  it('1. the case-opened contract arrives (twice) and opens one session plan that follows the district template', async () => {
    family = await service.openCase(false, district, true);
    const [referrals] = referralTopics([district]);
    const consumed = () => transport.log.partitions(referrals as string).reduce((sum, _, partition) => sum + transport.log.committedOffset(CASE_OPENED_GROUP, referrals as string, partition), 0);
    await service.eventually('all three deliveries consumed', async () => consumed() === 3);
    const plan = await call('get', `${base(family.caseId)}/session-plan`).expect(200);
    expect(plan.body.revision).toBe(0);
    expect(plan.body).toMatchObject({ templateId: 'kintsugi-default', phase: 'evaluation', supervisedMeetingsSuspendedBy: null });
    expect(plan.body.measures).toEqual([expect.objectContaining({ kind: 'no-contact-order', restrictedParticipantId: family.father, supervisedContactAllowed: false })]);
    expect(plan.body.participants).toEqual([
      { participantId: family.child, role: 'child', household: 'protected' },
      { participantId: family.mother, role: 'parent', household: 'protected' },
      { participantId: family.father, role: 'parent', household: 'other' },
    ]);
    etag = plan.headers['etag'] as string;
  });

  it('2. evaluation interviews are scheduled with computed staggering, and the father cannot come while the child is leaving', async () => {
    const child = await call('post', `${base(family.caseId)}/sessions`).send(interview({ sessionType: 'child-interview', participantIds: [family.child], startsAt: '2026-03-02T10:00:00+01:00', endsAt: '2026-03-02T11:00:00+01:00' })).expect(201);
    expect(child.body.session.separation.map((w: { household: string; leaves: { by: { local: string } } }) => [w.household, w.leaves.by.local])).toEqual([['protected', '2026-03-02T11:15:00+01:00']]);

    const tooSoon = await call('post', `${base(family.caseId)}/sessions`).send(interview({ sessionType: 'parent-interview', participantIds: [family.father], roomId: 'salle-verte', startsAt: '2026-03-02T11:00:00+01:00', endsAt: '2026-03-02T12:00:00+01:00' })).expect(409);
    expect(tooSoon.body).toMatchObject({ code: 'HOUSEHOLDS_WOULD_MEET', field: 'startsAt' });

    const father = await call('post', `${base(family.caseId)}/sessions`).send(interview({ sessionType: 'parent-interview', participantIds: [family.father], startsAt: '2026-03-02T11:30:00+01:00', endsAt: '2026-03-02T12:30:00+01:00' })).expect(201);
    expect(father.body.session.separation[0]).toMatchObject({ household: 'other', arrives: { from: { local: '2026-03-02T11:15:00+01:00' }, by: { local: '2026-03-02T11:30:00+01:00' } } });
    etag = father.headers['etag'] as string;
    await service.eventually('the scheduled contracts', async () => published().filter((e) => e.type === SESSION_CONTRACT_TYPES.sessionScheduled).length === 2);
  });

  it('3. once the protocol reaches supervised meetings, a meeting with the father is refused under the no-contact order', async () => {
    for (const to of ['bond-pertinence-decision', 'preparation', 'supervised-meetings']) {
      const advanced = await call('post', `${base(family.caseId)}/session-plan/phase`).set('If-Match', etag).send({ to }).expect(200);
      etag = advanced.headers['etag'] as string;
    }
    const meeting = await call('post', `${base(family.caseId)}/sessions`)
      .send(interview({ sessionType: 'supervised-meeting', participantIds: [family.child, family.father], roomId: 'salle-jaune', startsAt: '2026-03-09T14:00:00+01:00', endsAt: '2026-03-09T15:00:00+01:00' }))
      .expect(409);
    expect(meeting.body).toMatchObject({ code: 'PROTECTIVE_MEASURE_FORBIDS_SESSION', measureKind: 'no-contact-order', field: 'participants' });
  });

  it('4. a serious incident during the child interview suspends supervised meetings and raises an escalation task with a deadline', async () => {
    service.infrastructure.clock.set('2026-03-02T09:20:00.000Z');
    const plan = await call('get', `${base(family.caseId)}/session-plan`).expect(200);
    const childInterview = plan.body.sessions.find((s: { sessionType: string }) => s.sessionType === 'child-interview');
    const reported = await call('post', `${base(family.caseId)}/sessions/${childInterview.sessionId}/incidents`).send({ severity: 'serious', interruptedSession: true, informed: ['coordinator', 'mandant'] }).expect(201);
    expect(reported.body.recorded).toEqual(['IncidentReported', 'SupervisedMeetingsSuspended', 'EscalationTaskRaised']);

    const suspended = await call('get', `${base(family.caseId)}/session-plan`).expect(200);
    expect(suspended.body.supervisedMeetingsSuspendedBy).toBe(reported.body.incidentId);
    expect(suspended.body.escalationTasks).toEqual([{ taskId: `escalation-${reported.body.incidentId}`, incidentId: reported.body.incidentId, dueBy: '2026-03-03T09:20:00.000Z' }]);
    etag = suspended.headers['etag'] as string;
    await service.eventually('the incident contract', async () => published().some((e) => e.type === SESSION_CONTRACT_TYPES.incidentReported));
    expect(published().find((e) => e.type === SESSION_CONTRACT_TYPES.incidentReported)?.data).toEqual({
      caseId: family.caseId,
      sessionId: childInterview.sessionId,
      sessionType: 'child-interview',
      incidentId: reported.body.incidentId,
      severity: 'serious',
      interruptedSession: true,
    });
  });

  it('5. a practitioner cannot lift the suspension; the coordinator does, and the lifting is published', async () => {
    await call('post', `${base(family.caseId)}/session-plan/suspension/lift`).set('If-Match', etag).send({}).expect(403);
    const lifted = await call('post', `${base(family.caseId)}/session-plan/suspension/lift`, coordinator).set('If-Match', etag).send({}).expect(200);
    expect(lifted.body.recorded).toEqual(['SuspensionLifted']);
    expect((await call('get', `${base(family.caseId)}/session-plan`).expect(200)).body.supervisedMeetingsSuspendedBy).toBeNull();
    await service.eventually('the lifting contract', async () => published().some((e) => e.type === SESSION_CONTRACT_TYPES.suspensionLifted));
    expect(JSON.stringify(published().map((e) => e.data))).not.toContain(family.father);
  });

  it('6. the case timeline tells the whole story in order, from the read model', async () => {
    const expected = ['SessionPlanOpened', 'SessionScheduled', 'SessionScheduled', 'PhaseAdvanced', 'PhaseAdvanced', 'PhaseAdvanced', 'IncidentReported', 'SupervisedMeetingsSuspended', 'EscalationTaskRaised', 'SuspensionLifted'];
    await service.eventually('the timeline', async () => (await call('get', `${base(family.caseId)}/timeline`)).body.entries?.length === expected.length);
    const timeline = await call('get', `${base(family.caseId)}/timeline`).expect(200);
    expect(timeline.body.entries.map((e: { entry: string }) => e.entry)).toEqual(expected);
  });

  it('7. in a case where supervised contact is allowed, a serious incident calls off the planned meeting and refuses new ones until lifted', async () => {
    service.infrastructure.clock.set('2026-03-02T07:00:00.000Z');
    const allowed = await service.openCase(true);
    let tag = (await call('get', `${base(allowed.caseId)}/session-plan`).expect(200)).headers['etag'] as string;
    for (const to of ['bond-pertinence-decision', 'preparation', 'supervised-meetings']) tag = (await call('post', `${base(allowed.caseId)}/session-plan/phase`).set('If-Match', tag).send({ to }).expect(200)).headers['etag'] as string;
    const meeting = (day: string) => interview({ sessionType: 'supervised-meeting', participantIds: [allowed.child, allowed.father], practitionerIds: ['practitioner-2'], roomId: 'salle-jaune', startsAt: `2026-03-${day}T14:00:00+01:00`, endsAt: `2026-03-${day}T15:00:00+01:00` });
    const first = await call('post', `${base(allowed.caseId)}/sessions`).send(meeting('02')).expect(201);
    expect(first.body.session.separation.map((w: { household: string; arrives: { from: { local: string } } }) => [w.household, w.arrives.from.local])).toEqual([
      ['protected', '2026-03-02T13:45:00+01:00'],
      ['other', '2026-03-02T13:30:00+01:00'],
    ]);
    const next = await call('post', `${base(allowed.caseId)}/sessions`).send(meeting('16')).expect(201);

    service.infrastructure.clock.set('2026-03-02T13:20:00.000Z');
    const incident = await call('post', `${base(allowed.caseId)}/sessions/${first.body.session.sessionId}/incidents`).send({ severity: 'serious', interruptedSession: true, informed: ['coordinator'] }).expect(201);
    expect(incident.body.recorded).toEqual(['IncidentReported', 'SupervisedMeetingsSuspended', 'SessionCancelled', 'EscalationTaskRaised']);
    const plan = await call('get', `${base(allowed.caseId)}/session-plan`).expect(200);
    expect(plan.body.sessions.find((s: { sessionId: string }) => s.sessionId === next.body.session.sessionId).status).toBe('cancelled');
    expect((await call('post', `${base(allowed.caseId)}/sessions`).send(meeting('23')).expect(409)).body.code).toBe('SUPERVISED_MEETINGS_ARE_SUSPENDED');

    await call('post', `${base(allowed.caseId)}/session-plan/suspension/lift`, coordinator).set('If-Match', plan.headers['etag'] as string).send({}).expect(200);
    // The called-off meeting freed its room and practitioner: the same slot can be planned again.
    await call('post', `${base(allowed.caseId)}/sessions`).send(meeting('16')).expect(201);
  });

  it('8. an accepted referral with a no-contact order, as the referrals translator publishes it, opens a plan where a supervised meeting of the protected child with the restrained father is refused', async () => {
    const [child, mother, father, referralId, caseId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const commands: ReferralCommand[] = [
      {
        type: 'RegisterReferral',
        referralId,
        today: '2026-03-02',
        mandate: {
          mandantType: 'FAMILY_COURT',
          reference: `JOURNEY/${referralId}`,
          decisionDate: '2026-02-20',
          legalBasis: 'CONSTRAINED',
          modalities: [{ kind: 'CHILD_INTERVIEWS', sessionsPerMonth: 2 }, { kind: 'PARENT_INTERVIEWS', sessionsPerMonth: 1 }],
          reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }],
        },
        children: [{ personId: child, firstName: 'Zoé', lastName: 'Fictive', birthDate: '2017-05-04' }],
        adults: [
          { personId: mother, role: 'MOTHER', firstName: 'Marie', lastName: 'Fictive' },
          { personId: father, role: 'FATHER', firstName: 'Marc', lastName: 'Inventé' },
        ],
        protectiveMeasures: [{ kind: 'NO_CONTACT_ORDER', restrainedPersonId: father, protectedPersonIds: [mother, child] }],
      },
      { type: 'AcceptReferral', caseId, mode: 'BY_COORDINATOR' },
    ];
    let state = initialReferralState();
    const decided: ReferralEvent[] = [];
    for (const command of commands) {
      const events = decideReferral(command, state);
      state = events.reduce(evolveReferral, state);
      decided.push(...events);
    }
    // Stored as the referrals service stores them (personal data sealed), relayed as its relay relays them.
    const referrals = new ProtectedEventStore(new InMemoryEventStore(), new PersonalDataProtector(new InMemoryKeyStore()));
    const metadata = { district, correlationId: referralId, causationId: referralId, actor: { userId: 'coordinator-1', role: 'coordinator' }, occurredAt: '2026-03-02T09:00:00.000Z' };
    await referrals.append(`referral-${referralId}`, decided.map((event) => ({ ...referralEventCodec.encode(event), metadata })), { expectedRevision: 'no-stream' });
    const recorded = await referrals.readStream(`referral-${referralId}`, { district });
    const messages = recorded.flatMap((event) => {
      const contract = translateReferralEvent(event);
      return contract ? [relayedMessage(REFERRALS_PUBLISHER, event, contract)] : [];
    });
    await service.infrastructure.transport.producer.send(messages);

    await service.eventually('the plan opened from the referrals contract', async () => (await call('get', `${base(caseId)}/session-plan`)).status === 200);
    const plan = await call('get', `${base(caseId)}/session-plan`).expect(200);
    expect(plan.body.participants).toEqual([
      { participantId: child, role: 'child', household: 'protected' },
      { participantId: mother, role: 'parent', household: 'protected' },
      { participantId: father, role: 'parent', household: 'other' },
    ]);
    expect(plan.body.measures).toEqual([expect.objectContaining({ kind: 'no-contact-order', restrictedParticipantId: father, protectedParticipantIds: [mother, child], supervisedContactAllowed: false })]);

    let tag = plan.headers['etag'] as string;
    for (const to of ['bond-pertinence-decision', 'preparation', 'supervised-meetings']) tag = (await call('post', `${base(caseId)}/session-plan/phase`).set('If-Match', tag).send({ to }).expect(200)).headers['etag'] as string;
    const meeting = await call('post', `${base(caseId)}/sessions`)
      .send(interview({ sessionType: 'supervised-meeting', participantIds: [child, father], practitionerIds: ['practitioner-3'], roomId: 'salle-jaune', startsAt: '2026-03-30T14:00:00+02:00', endsAt: '2026-03-30T15:00:00+02:00' }))
      .expect(409);
    expect(meeting.body).toMatchObject({ code: 'PROTECTIVE_MEASURE_FORBIDS_SESSION', measureKind: 'no-contact-order', field: 'participants' });
  });
});
