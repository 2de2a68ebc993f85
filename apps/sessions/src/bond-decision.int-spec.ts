import { randomUUID } from 'node:crypto';
import { deadLetterTopic, IncomingMessage, readDeadLetter, toKafkaMessage } from '@lien/shared-messaging';
import { createEmbeddedTransport } from '@lien/shared-messaging-embedded';
import { requiredEnv } from '@lien/shared-testing';
import { ASSESSMENT_CONTRACT_TYPES, BondDecisionSignedV1 } from '@lien/assessments-contracts';
import { assessmentTopics } from '@lien/sessions-application';
import { SessionsTestApp, TestCase } from './testing/sessions-test-app';
import { SessionsTestInfrastructure } from './testing/sessions-test-infrastructure';

const district = 'luxembourg';
const base = (caseId: string) => `/api/v1/districts/${district}/cases/${caseId}`;
const [topic] = assessmentTopics([district]) as [string];

/** Sessions consuming the assessments service's co-signed bond decisions, on the real PostgreSQL store, with tokens. */
describe('sessions applies co-signed bond decisions from assessments', () => {
  const transport = createEmbeddedTransport();
  let service: SessionsTestApp;
  let practitioner: string;
  let family: TestCase;
  let plannedMeetingId: string;
  const suspension = randomUUID();

  const call = (method: 'post' | 'get', path: string) => service.http()[method](path).auth(practitioner, { type: 'bearer' });
  const planOf = async () => (await call('get', `${base(family.caseId)}/session-plan`).expect(200)).body;
  const meeting = (day: string) => ({ sessionType: 'supervised-meeting', participantIds: [family.child, family.father], practitionerIds: ['practitioner-7'], roomId: 'salle-jaune', startsAt: `2026-03-${day}T14:00:00+01:00`, endsAt: `2026-03-${day}T15:00:00+01:00` });
  const publish = async (data: Record<string, unknown>, id = randomUUID()) => {
    const event = { id, type: ASSESSMENT_CONTRACT_TYPES.bondDecisionSigned, source: `/lien/assessments/${district}`, subject: `assessmentfile-${family.caseId}`, time: '2026-03-05T10:00:00.000Z', district, data };
    await transport.producer.send([toKafkaMessage(topic, event)]);
  };
  const decision = (overrides: Partial<BondDecisionSignedV1> = {}): BondDecisionSignedV1 => ({
    caseId: family.caseId,
    decisionId: suspension,
    childId: family.child,
    outcome: 'suspend',
    stopsSupervisedMeetings: true,
    supersedesDecisionId: null,
    assessmentCount: 2,
    signedAt: '2026-03-05T10:00:00.000Z',
    ...overrides,
  });

  beforeAll(async () => {
    service = await SessionsTestApp.start(new SessionsTestInfrastructure(requiredEnv('DATABASE_URL'), transport));
    practitioner = await service.token(['practitioner'], 'practitioner-7');
    family = await service.openCase(true);
    let etag = (await call('get', `${base(family.caseId)}/session-plan`).expect(200)).headers['etag'] as string;
    for (const to of ['bond-pertinence-decision', 'preparation', 'supervised-meetings']) {
      etag = (await call('post', `${base(family.caseId)}/session-plan/phase`).set('If-Match', etag).send({ to }).expect(200)).headers['etag'] as string;
    }
    plannedMeetingId = (await call('post', `${base(family.caseId)}/sessions`).send(meeting('16')).expect(201)).body.session.sessionId;
  }, 60_000);
  afterAll(() => service?.stop());

  it('given a planned supervised meeting, when a co-signed suspension arrives twice (a relay resending it), then it is applied once and the meeting is called off for the decision', async () => {
    const contract = decision() as unknown as Record<string, unknown>;
    await publish(contract);
    await publish(contract);
    await service.eventually('the suspension applied', async () => (await planOf()).supervisedMeetingsStoppedByDecision === suspension);
    const timeline = async () => (await call('get', `${base(family.caseId)}/timeline`).expect(200)).body.entries as { entry: string; sessionId: string | null; details: Record<string, unknown> }[];
    await service.eventually('the timeline', async () => (await timeline()).some((e) => e.entry === 'BondDecisionApplied'));
    // Both deliveries consumed before counting: the second one must have decided nothing.
    await service.eventually('both deliveries consumed', async () => transport.log.partitions(topic).reduce((sum, _, p) => sum + transport.log.committedOffset('sessions.apply-bond-decisions', topic, p), 0) === 2);
    const entries = await timeline();
    expect(entries.filter((e) => e.entry === 'BondDecisionApplied')).toHaveLength(1);
    expect(entries.find((e) => e.entry === 'SessionCancelled' && e.sessionId === plannedMeetingId)?.details).toMatchObject({ attributedTo: 'service', reason: 'bond-decision' });
    expect((await planOf()).sessions.find((s: { sessionId: string }) => s.sessionId === plannedMeetingId)?.status).toBe('cancelled');
  });

  it('given the meeting called off for the decision, when another case plans a supervised meeting in the same room, with the same practitioner, at the same time, then both are free for it', async () => {
    const other = await service.openCase(true);
    let etag = (await call('get', `${base(other.caseId)}/session-plan`).expect(200)).headers['etag'] as string;
    for (const to of ['bond-pertinence-decision', 'preparation', 'supervised-meetings']) {
      etag = (await call('post', `${base(other.caseId)}/session-plan/phase`).set('If-Match', etag).send({ to }).expect(200)).headers['etag'] as string;
    }
    await call('post', `${base(other.caseId)}/sessions`).send({ ...meeting('16'), participantIds: [other.child, other.father] }).expect(201);
  });

  it('given the suspension applied, when a supervised meeting is planned, then 409 with the decision named and no event stored', async () => {
    const before = (await planOf()).revision;
    const refused = await call('post', `${base(family.caseId)}/sessions`).send(meeting('23')).expect(409);
    expect(refused.body).toMatchObject({ code: 'SUPERVISED_MEETINGS_STOPPED_BY_BOND_DECISION', field: 'sessionType', decisionId: suspension });
    expect((await planOf()).revision).toBe(before);
  });

  it('given a decision contract without saying whether meetings stop, when it arrives, then it goes to the dead letters and changes nothing', async () => {
    const { stopsSupervisedMeetings: _omitted, ...unreadable } = decision({ decisionId: randomUUID(), supersedesDecisionId: suspension });
    await publish(unreadable as unknown as Record<string, unknown>);
    await service.eventually('the dead letter', async () => {
      try {
        return transport.log.partitions(deadLetterTopic(topic)).flat().length === 1;
      } catch {
        return false;
      }
    });
    const letter = readDeadLetter(transport.log.partitions(deadLetterTopic(topic)).flat()[0] as IncomingMessage);
    expect(letter).toMatchObject({ originalTopic: topic, groupId: 'sessions.apply-bond-decisions', errorType: 'UnreadableBondDecision', attempts: 1 });
    expect((await planOf()).supervisedMeetingsStoppedByDecision).toBe(suspension);
  });

  it('given the suspension, when a later decision to continue replaces it, then supervised meetings are planned again', async () => {
    await publish(decision({ decisionId: randomUUID(), outcome: 'continue', stopsSupervisedMeetings: false, supersedesDecisionId: suspension }) as unknown as Record<string, unknown>);
    await service.eventually('the stop lifted', async () => (await planOf()).supervisedMeetingsStoppedByDecision === null);
    await call('post', `${base(family.caseId)}/sessions`).send(meeting('23')).expect(201);
  });
});
