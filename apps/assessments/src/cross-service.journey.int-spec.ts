import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { MessageTransport } from '@lien/shared-messaging';
import { createEmbeddedTransport, EmbeddedLog } from '@lien/shared-messaging-embedded';
import { InMemoryKeyStore, PersonalDataProtector, ProtectedEventStore } from '@lien/shared-personal-data';
import { relayedMessage } from '@lien/shared-relay';
import { requiredEnv } from '@lien/shared-testing';
import { CASE_OPENED_V1, MANDATE_AMENDED_V1, REFERRALS_PUBLISHER } from '@lien/referrals-contracts';
// The cross-service journey: the referrals decider, codec and translator produce the very contracts the
// referrals relay would publish, and the sessions service runs beside this one on the same in-process log.
// Neither service's code imports the other; this spec does on purpose.
/* eslint-disable @nx/enforce-module-boundaries */
import { referralEventCodec, translateReferralEvent } from '@lien/referrals-application';
import { decideReferral, evolveReferral, initialReferralState, ReferralCommand, ReferralEvent, ReferralState } from '@lien/referrals-domain';
import { SessionsTestApp } from '../../sessions/src/testing/sessions-test-app';
import { SessionsTestInfrastructure } from '../../sessions/src/testing/sessions-test-infrastructure';
/* eslint-enable @nx/enforce-module-boundaries */
import { AssessmentsRuntime } from './composition/assessments-runtime';
import { wellbeingBody } from './testing/assessment-bodies';
import { AssessmentsTestApp, eventually } from './testing/assessments-test-app';
import { AssessmentsTestInfrastructure } from './testing/assessments-test-infrastructure';
import { binaryParser, pdfText } from './testing/pdf-text';

const district = 'luxembourg';
const base = (caseId: string) => `/api/v1/districts/${district}/cases/${caseId}`;
const RATIONALE = 'Chaque rencontre ravive chez l’enfant une peur intense ; la sécurité prime : les rencontres encadrées sont suspendues.';
const WISHES = 'Ne plus voir son père pour le moment.';

/** The referrals service as its relay publishes: its decider, its stored events (personal data sealed), its translator. */
class ReferralsAsPublished {
  private state: ReferralState = initialReferralState();
  private appended = 0;
  private readonly store = new ProtectedEventStore(new InMemoryEventStore(), new PersonalDataProtector(new InMemoryKeyStore()));

  constructor(
    private readonly referralId: string,
    private readonly transport: MessageTransport,
  ) {}

  /** Decides, stores and publishes; returns the contract types sent. */
  async decide(commands: readonly ReferralCommand[], occurredAt: string): Promise<string[]> {
    const decided: ReferralEvent[] = [];
    for (const command of commands) {
      const events = decideReferral(command, this.state);
      this.state = events.reduce(evolveReferral, this.state);
      decided.push(...events);
    }
    const stream = `referral-${this.referralId}`;
    const metadata = { district, correlationId: randomUUID(), causationId: randomUUID(), actor: { userId: 'coordinator-1', role: 'coordinator' }, occurredAt };
    await this.store.append(stream, decided.map((event) => ({ ...referralEventCodec.encode(event), metadata })), { expectedRevision: 'any' });
    const recorded = (await this.store.readStream(stream, { district })).slice(this.appended);
    this.appended += recorded.length;
    const messages = recorded.flatMap((event) => {
      const contract = translateReferralEvent(event);
      return contract ? [{ type: contract.type, message: relayedMessage(REFERRALS_PUBLISHER, event, contract) }] : [];
    });
    await this.transport.producer.send(messages.map((m) => m.message));
    return messages.map((m) => m.type);
  }
}

/**
 * Issue #8's journey across the services, each on its own schemas of the real PostgreSQL, with tokens of
 * its own issuer, and one in-process log for the contracts between them (as the all-in-one host runs them):
 * two assessments → a suspension drafted and co-signed → sessions calls off the planned supervised meeting
 * and refuses a new one → report version 1 as a PDF with the decision text; then the mandate is renewed
 * (a reassessment becomes due, the tracker raises the report task) and a decision to continue lifts the stop.
 */
describe('journey across services: a co-signed suspension stops supervised meetings in sessions, and the report carries the decision', () => {
  const log = new EmbeddedLog();
  const [referralId, caseId, child, mother, father] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const referrals = new ReferralsAsPublished(referralId, createEmbeddedTransport(log));
  let sessions: SessionsTestApp;
  let assessments: AssessmentsTestApp;
  const tokens = { practitioner: '', coordinator: '', sessionsPractitioner: '' };
  const assessmentIds: string[] = [];
  let decisionId: string;
  let plannedMeetingId: string;

  const assess = (method: 'post' | 'get', path: string, token = tokens.practitioner) => assessments.http()[method](path).auth(token, { type: 'bearer' });
  const plan = (method: 'post' | 'get', path: string) => sessions.http()[method](path).auth(tokens.sessionsPractitioner, { type: 'bearer' });
  const file = async () => (await assess('get', `${base(caseId)}/assessment-file`).expect(200)).body;
  const meeting = (day: string) => ({
    sessionType: 'supervised-meeting',
    participantIds: [child, father],
    practitionerIds: ['practitioner-9'],
    roomId: 'salle-jaune',
    startsAt: `2026-04-${day}T14:00:00+02:00`,
    endsAt: `2026-04-${day}T15:00:00+02:00`,
  });

  beforeAll(async () => {
    const databaseUrl = requiredEnv('DATABASE_URL');
    sessions = await SessionsTestApp.start(new SessionsTestInfrastructure(databaseUrl, createEmbeddedTransport(log)));
    assessments = await AssessmentsTestApp.start(new AssessmentsTestInfrastructure(databaseUrl, createEmbeddedTransport(log)));
    tokens.practitioner = await assessments.token(['practitioner'], 'practitioner-ana');
    tokens.coordinator = await assessments.token(['coordinator'], 'coordinator-cleo');
    tokens.sessionsPractitioner = await sessions.token(['practitioner'], 'practitioner-9');
  }, 90_000);
  afterAll(async () => {
    await sessions?.stop();
    await assessments?.stop();
  });

  it('1. referrals accepts a mandate with supervised meetings: sessions opens the plan, assessments the file with the mandate’s deadlines', async () => {
    const registration: ReferralCommand = {
      type: 'RegisterReferral',
      referralId,
      today: '2026-03-02',
      mandate: {
        mandantType: 'FAMILY_COURT',
        reference: `JOURNEY/${referralId}`,
        decisionDate: '2026-02-20',
        legalBasis: 'CONSTRAINED',
        modalities: [{ kind: 'SUPERVISED_MEETINGS', sessionsPerMonth: 2, durationMonths: 6 }],
        reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }],
      },
      children: [{ personId: child, firstName: 'Zoé', lastName: 'Fictive', birthDate: '2017-05-04' }],
      adults: [
        { personId: mother, role: 'MOTHER', firstName: 'Marie', lastName: 'Fictive' },
        { personId: father, role: 'FATHER', firstName: 'Marc', lastName: 'Inventé' },
      ],
      protectiveMeasures: [{ kind: 'NO_CONTACT_ORDER', restrainedPersonId: father, protectedPersonIds: [mother] }],
    };
    const sent = await referrals.decide([registration, { type: 'AcceptReferral', caseId, mode: 'BY_COORDINATOR' }], '2026-03-02T09:00:00.000Z');
    expect(sent).toContain(CASE_OPENED_V1);

    await sessions.eventually('the session plan', async () => (await plan('get', `${base(caseId)}/session-plan`)).status === 200);
    await eventually('the assessment file', async () => (await assess('get', `${base(caseId)}/assessment-file`)).status === 200);
    expect((await file()).mandate).toMatchObject({ mandantType: 'FAMILY_COURT', decisionDate: '2026-02-20', reportDeadlines: [{ kind: 'interim', dueOn: '2026-05-20' }] });
  });

  it('2. sessions reaches the supervised-meetings phase and plans a supervised meeting of the child with the father', async () => {
    let etag = (await plan('get', `${base(caseId)}/session-plan`).expect(200)).headers['etag'] as string;
    for (const to of ['bond-pertinence-decision', 'preparation', 'supervised-meetings']) {
      etag = (await plan('post', `${base(caseId)}/session-plan/phase`).set('If-Match', etag).send({ to }).expect(200)).headers['etag'] as string;
    }
    const planned = await plan('post', `${base(caseId)}/sessions`).send(meeting('15')).expect(201);
    plannedMeetingId = planned.body.session.sessionId;
  });

  it('3. two assessments are recorded, and the author drafts a suspension on them', async () => {
    assessments.infrastructure.clock.set('2026-03-21T09:00:00.000Z');
    const wellbeing = await assess('post', `${base(caseId)}/wellbeing-assessments`).send(wellbeingBody()).expect(201);
    const risk = await assess('post', `${base(caseId)}/risk-assessments`)
      .send({ assessedOn: '2026-03-21', factors: ['child-fear-of-parent', 'child-witnessed-violence'], scoredLevel: 'medium', override: { level: 'high', reason: 'Menaces rapportées par la mère.' } })
      .expect(201);
    assessmentIds.push(wellbeing.body.assessmentId, risk.body.assessmentId);
    const drafted = await assess('post', `${base(caseId)}/bond-decisions`).send({ outcome: 'suspend', rationale: RATIONALE, childWishes: WISHES, assessmentIds }).expect(201);
    decisionId = drafted.body.decisionId;
    // A draft has no effect: sessions still plans supervised meetings.
    expect((await plan('get', `${base(caseId)}/session-plan`).expect(200)).body.supervisedMeetingsStoppedByDecision).toBeNull();
    await assess('post', `${base(caseId)}/bond-decisions/${decisionId}/co-signature`, tokens.coordinator).set('If-Match', drafted.headers['etag'] as string).expect(201);
  });

  it('4. once co-signed, sessions calls off the planned meeting for the decision and refuses a new one with a precise problem', async () => {
    await sessions.eventually('the decision applied', async () => (await plan('get', `${base(caseId)}/session-plan`)).body.supervisedMeetingsStoppedByDecision === decisionId);
    const stopped = (await plan('get', `${base(caseId)}/session-plan`).expect(200)).body;
    expect(stopped.sessions.find((s: { sessionId: string }) => s.sessionId === plannedMeetingId)?.status).toBe('cancelled');
    expect(stopped.supervisedMeetingsSuspendedBy).toBeNull();

    const refused = await plan('post', `${base(caseId)}/sessions`).send(meeting('22')).expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'SUPERVISED_MEETINGS_STOPPED_BY_BOND_DECISION', field: 'sessionType', decisionId });
    const after = (await plan('get', `${base(caseId)}/session-plan`).expect(200)).body;
    expect(after.sessions).toHaveLength(1);

    // The call-off went out as a contract, and the assessment file notes it, attributed to the decision.
    await eventually('the call-off noted in the file', async () => (await file()).sessions.some((s: { sessionId: string }) => s.sessionId === plannedMeetingId));
    expect((await file()).sessions).toEqual([expect.objectContaining({ sessionId: plannedMeetingId, outcome: 'cancelled', attributedTo: 'service', reason: 'bond-decision' })]);
  });

  it('5. report version 1 reads, as a French PDF, the mandate, the assessments and the decision text', async () => {
    const reportId = randomUUID();
    await assess('post', `${base(caseId)}/reports/${reportId}/versions`).send({ kind: 'interim', deadlineDueOn: '2026-05-20' }).expect(201);
    const pdf = await assess('get', `${base(caseId)}/reports/${reportId}/versions/1/pdf`).set('X-Lien-Purpose', 'report').buffer(true).parse(binaryParser).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('Rapport intermédiaire au mandant — version 1');
    expect(text).toContain('Tribunal de la famille');
    expect(text).toContain('Décision : Suspendre les rencontres');
    expect(text).toContain(RATIONALE);
  });

  it('6. referrals renews the mandate with a final report: assessments makes a reassessment due and the tracker raises the interim report’s task', async () => {
    const renewal: ReferralCommand = { type: 'AmendMandate', kind: 'RENEWAL', decisionDate: '2026-03-25', today: '2026-03-26', reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }, { kind: 'FINAL', dueOn: '2026-09-30' }] };
    expect(await referrals.decide([renewal], '2026-03-26T10:00:00.000Z')).toEqual([MANDATE_AMENDED_V1]);
    await eventually('the mandate change noted', async () => (await file()).mandateChanges.length === 1);
    const amended = await file();
    expect(amended.mandate).toMatchObject({ decisionDate: '2026-03-25', reportDeadlines: [{ kind: 'interim', dueOn: '2026-05-20' }, { kind: 'final', dueOn: '2026-09-30' }] });
    expect(amended.reassessmentsDue).toEqual([expect.objectContaining({ trigger: 'mandate-change' })]);

    assessments.infrastructure.clock.set('2026-05-06T06:00:00.000Z');
    const tracker = assessments.app.get(AssessmentsRuntime);
    await eventually('the report task raised', async () => (await tracker.runReportTracker()).tasksRaised === 1);
    expect((await file()).reportTasks).toEqual([{ deadline: { kind: 'interim', dueOn: '2026-05-20' }, raisedOn: '2026-05-06' }]);
  });

  it('7. a later decision to continue replaces the suspension: sessions plans supervised meetings again', async () => {
    const drafted = await assess('post', `${base(caseId)}/bond-decisions`)
      .send({ outcome: 'continue', rationale: 'Les rencontres peuvent reprendre, encadrées.', childWishes: 'Revoir son père à l’espace-rencontre.', assessmentIds })
      .expect(201);
    const next = drafted.body.decisionId as string;
    await assess('post', `${base(caseId)}/bond-decisions/${next}/co-signature`, tokens.coordinator).set('If-Match', drafted.headers['etag'] as string).expect(201);
    await sessions.eventually('the stop lifted', async () => (await plan('get', `${base(caseId)}/session-plan`)).body.supervisedMeetingsStoppedByDecision === null);
    await plan('post', `${base(caseId)}/sessions`).send(meeting('22')).expect(201);
    const applied = async () =>
      ((await plan('get', `${base(caseId)}/timeline`).expect(200)).body.entries as { entry: string; details: Record<string, unknown> }[]).filter((e) => e.entry === 'BondDecisionApplied');
    await sessions.eventually('both decisions on the timeline', async () => (await applied()).length === 2);
    expect((await applied()).map((e) => [e.details['decisionId'], e.details['stopsSupervisedMeetings']])).toEqual([
      [decisionId, true],
      [next, false],
    ]);
  });
});
