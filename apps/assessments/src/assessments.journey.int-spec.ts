import { randomUUID } from 'node:crypto';
import { fromKafkaMessage, topicName } from '@lien/shared-messaging';
import { createEmbeddedTransport } from '@lien/shared-messaging-embedded';
import { requiredEnv } from '@lien/shared-testing';
import { SESSION_CONTRACT_TYPES, SESSION_LIFECYCLE_FAMILY, SESSIONS_SERVICE } from '@lien/sessions-contracts';
import { ASSESSMENT_CONTRACT_TYPES, ASSESSMENTS_SERVICE, CASE_ASSESSMENTS_FAMILY, CASE_ASSESSMENTS_VERSION } from '@lien/assessments-contracts';
import { CHILD_WORDS, wellbeingBody } from './testing/assessment-bodies';
import { AssessmentsTestApp, eventually, TestCase } from './testing/assessments-test-app';
import { AssessmentsTestInfrastructure } from './testing/assessments-test-infrastructure';
import { binaryParser, pdfText } from './testing/pdf-text';

const district = 'luxembourg';
const base = (caseId: string) => `/api/v1/districts/${district}/cases/${caseId}`;
const assessmentsTopic = topicName({ district, service: ASSESSMENTS_SERVICE, family: CASE_ASSESSMENTS_FAMILY, version: CASE_ASSESSMENTS_VERSION });
const RATIONALE = 'Depuis l’incident du 10 mars, chaque rencontre ravive chez l’enfant une peur intense ; la sécurité prime : les rencontres sont suspendues.';
const WISHES = 'Ne plus voir son père pour le moment ; peut-être lui écrire.';

/**
 * One case from the referrals contract to the report sent to the mandant, through the service's HTTP
 * API, its real PostgreSQL event store and read model, and the embedded transport for contracts in and out.
 */
describe('journey: two assessments, a suspension drafted and co-signed, sessions told, the report to the mandant as a PDF', () => {
  const transport = createEmbeddedTransport();
  let service: AssessmentsTestApp;
  let practitioner: string;
  let coordinator: string;
  let family: TestCase;
  let etag: string;
  let decisionId: string;
  const reportId = randomUUID();
  const assessmentIds: string[] = [];

  const call = (method: 'post' | 'get', path: string, token = practitioner) => service.http()[method](path).auth(token, { type: 'bearer' });
  const published = () => {
    try {
      return transport.log.partitions(assessmentsTopic).flat().map(fromKafkaMessage);
    } catch {
      return [];
    }
  };
  const pdfOf = async (version: number) => {
    const response = await call('get', `${base(family.caseId)}/reports/${reportId}/versions/${version}/pdf`).set('X-Lien-Purpose', 'report').buffer(true).parse(binaryParser).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect((response.body as Buffer).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    return pdfText(response.body as Buffer);
  };

  beforeAll(async () => {
    service = await AssessmentsTestApp.start(new AssessmentsTestInfrastructure(requiredEnv('DATABASE_URL'), transport));
    practitioner = await service.token(['practitioner'], 'practitioner-ana');
    coordinator = await service.token(['coordinator'], 'coordinator-cleo');
  }, 60_000);
  afterAll(() => service?.stop());

  it('1. referrals opens the case and sessions reports a missed meeting: the assessment file notes both', async () => {
    family = await service.openCase();
    const noShow = { caseId: family.caseId, sessionId: randomUUID(), sessionType: 'supervised-meeting', attributedTo: 'parent' };
    await service.publish(district, SESSIONS_SERVICE, SESSION_LIFECYCLE_FAMILY, SESSION_CONTRACT_TYPES.noShow, `sessionplan-${family.caseId}`, noShow, '2026-03-10T13:00:00.000Z');
    await eventually('the no-show noted', async () => (await call('get', `${base(family.caseId)}/assessment-file`)).body.sessions?.length === 1);
  });

  it('2. two assessments are recorded: wellbeing with SDQ scores, and risk raised by professional judgement', async () => {
    service.infrastructure.clock.set('2026-03-21T09:00:00.000Z');
    const first = await call('post', `${base(family.caseId)}/wellbeing-assessments`).send(wellbeingBody()).expect(201);
    const risk = await call('post', `${base(family.caseId)}/risk-assessments`)
      .send({ assessedOn: '2026-03-21', factors: ['child-fear-of-parent', 'child-witnessed-violence'], scoredLevel: 'medium', override: { level: 'high', reason: 'Menaces rapportées par la mère.' } })
      .expect(201);
    assessmentIds.push(first.body.assessmentId, risk.body.assessmentId);
    await eventually('two contracts out', async () => published().length === 2);
    expect(published().map((e) => e.type)).toEqual([ASSESSMENT_CONTRACT_TYPES.assessmentRecorded, ASSESSMENT_CONTRACT_TYPES.riskLevelChanged]);
    expect(published()[0]?.data).toMatchObject({ instrumentScores: 'SDQ@1/parent:conduct=3,emotional=7,hyperactivity=4,peer=2,prosocial=6,totalDifficulties=16' });
  });

  it('3. the author drafts a suspension: a draft without effect, nothing leaves the service', async () => {
    const drafted = await call('post', `${base(family.caseId)}/bond-decisions`).send({ outcome: 'suspend', rationale: RATIONALE, childWishes: WISHES, assessmentIds }).expect(201);
    decisionId = drafted.body.decisionId;
    etag = drafted.headers['etag'] as string;
    expect((await call('get', `${base(family.caseId)}/assessment-file`).expect(200)).body).toMatchObject({ effectiveDecisionId: null, decisions: [{ status: 'draft', outcome: 'suspend' }] });
    expect(published()).toHaveLength(2);
  });

  it('4. the coordinator co-signs: the decision takes effect and sessions is told to stop supervised meetings', async () => {
    const signed = await call('post', `${base(family.caseId)}/bond-decisions/${decisionId}/co-signature`, coordinator).set('If-Match', etag).expect(201);
    etag = signed.headers['etag'] as string;
    await eventually('the decision contract', async () => published().some((e) => e.type === ASSESSMENT_CONTRACT_TYPES.bondDecisionSigned));
    const contract = published().find((e) => e.type === ASSESSMENT_CONTRACT_TYPES.bondDecisionSigned);
    expect(contract).toMatchObject({ subject: `assessmentfile-${family.caseId}`, district, data: { caseId: family.caseId, decisionId, outcome: 'suspend', stopsSupervisedMeetings: true, supersedesDecisionId: null, assessmentCount: 2 } });
    const everything = JSON.stringify(published().map((e) => e.data));
    for (const text of [RATIONALE, WISHES, CHILD_WORDS, 'Menaces']) expect(everything).not.toContain(text);
  });

  it('5. report version 1 is generated and reads, as a French PDF, the mandate, the missed meeting, the assessments and the decision text', async () => {
    const generated = await call('post', `${base(family.caseId)}/reports/${reportId}/versions`).send({ kind: 'interim', deadlineDueOn: '2026-06-01' }).expect(201);
    expect(generated.body).toMatchObject({ reportId, version: 1 });
    const text = await pdfOf(1);
    expect(text).toContain('Rapport intermédiaire au mandant — version 1');
    expect(text).toContain('Tribunal de la famille');
    expect(text).toContain('Rencontre encadrée : absence, imputable à un parent');
    expect(text).toContain('Score total des difficultés 16/40');
    expect(text).toContain(`« ${CHILD_WORDS} »`);
    expect(text).toContain('Décision : Suspendre les rencontres');
    expect(text).toContain(RATIONALE);
    expect(text).toContain(WISHES);
    expect(text).toContain('PROJET — en attente de deux signatures');
    etag = generated.headers['etag'] as string;
  });

  it('6. two people sign version 1 off, it is marked as sent, and the mandant’s report-sent contract leaves', async () => {
    const first = await call('post', `${base(family.caseId)}/reports/${reportId}/versions/1/sign-offs`).set('If-Match', etag).expect(201);
    const second = await call('post', `${base(family.caseId)}/reports/${reportId}/versions/1/sign-offs`, coordinator).set('If-Match', first.headers['etag'] as string).expect(201);
    await call('post', `${base(family.caseId)}/reports/${reportId}/versions/1/sending`, coordinator).set('If-Match', second.headers['etag'] as string).send({ sentOn: '2026-03-21' }).expect(201);
    await eventually('the report-sent contract', async () => published().some((e) => e.type === ASSESSMENT_CONTRACT_TYPES.reportSent));
    expect(published().find((e) => e.type === ASSESSMENT_CONTRACT_TYPES.reportSent)?.data).toEqual({ caseId: family.caseId, reportId, version: 1, kind: 'interim', deadlineDueOn: '2026-06-01', sentOn: '2026-03-21' });
    expect(await pdfOf(1)).toContain('Envoyée au mandant le 21/03/2026');
  });

  it('7. after a new assessment, version 2 includes it while version 1 still reads as it did on its date', async () => {
    service.infrastructure.clock.set('2026-04-20T09:00:00.000Z');
    await call('post', `${base(family.caseId)}/wellbeing-assessments`).send(wellbeingBody({ assessedOn: '2026-04-18', instruments: [] })).expect(201);
    await call('post', `${base(family.caseId)}/reports/${reportId}/versions`).send({ kind: 'interim', deadlineDueOn: '2026-06-01' }).expect(201);
    expect(await pdfOf(2)).toContain('Évaluation du 18/04/2026');
    const first = await pdfOf(1);
    expect(first).not.toContain('Évaluation du 18/04/2026');
    expect(first).toContain(RATIONALE);
  });
});
