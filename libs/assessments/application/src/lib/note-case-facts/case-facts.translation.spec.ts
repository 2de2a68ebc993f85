import { CASE_OPENED_V1, CaseOpenedV1, MANDATE_AMENDED_V1, MandateAmendedV1 } from '@lien/referrals-contracts';
import { SESSION_CONTRACT_TYPES } from '@lien/sessions-contracts';
import { commandForFact, UnreadableContract } from './case-facts.translation';

const CASE = '44444444-4444-4444-8444-444444444444';
const caseOpened: CaseOpenedV1 = {
  caseId: CASE,
  referralId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  mandantType: 'FAMILY_COURT',
  legalBasis: 'CONSTRAINED',
  division: 'marche-en-famenne',
  childIds: '11111111-1111-4111-8111-111111111111',
  adultIds: '22222222-2222-4222-8222-222222222222,33333333-3333-4333-8333-333333333333',
  adultRoles: 'MOTHER,FATHER',
  custodialAdultId: null,
  protectiveMeasures: '',
  supervisedContactAllowed: true,
  openedAt: '2026-03-09T14:30:00.000Z',
};
const fact = (type: string, data: object) => ({ id: 'contract-1', type, time: '2026-03-09T14:30:00.000Z', data: data as Record<string, unknown> });
const session = { caseId: CASE, sessionId: 'session-1', sessionType: 'supervised-meeting' };

describe('the other services’ contracts as facts of the assessment file', () => {
  it('given a case-opened without the mandate fields (a case opened before referrals sent them), when translated, then the file opens with the children and no deadline yet', () => {
    expect(commandForFact(fact(CASE_OPENED_V1, caseOpened))).toEqual({
      type: 'OpenAssessmentFile',
      caseId: CASE,
      referralId: caseOpened.referralId,
      childIds: ['11111111-1111-4111-8111-111111111111'],
      mandate: { mandantType: 'FAMILY_COURT', legalBasis: 'CONSTRAINED', division: 'marche-en-famenne', decisionDate: null, reportDeadlines: [] },
      sourceEventId: 'contract-1',
    });
  });

  it('given case-opened with the mandate’s decision date and deadlines, when translated, then the report deadlines and the decision date are kept', () => {
    const command = commandForFact(fact(CASE_OPENED_V1, { ...caseOpened, mandateDecisionDate: '2026-02-20', reportDeadlines: 'INTERIM:2026-06-01,FINAL:2026-09-30' }));
    expect(command).toMatchObject({ mandate: { decisionDate: '2026-02-20', reportDeadlines: [{ kind: 'interim', dueOn: '2026-06-01' }, { kind: 'final', dueOn: '2026-09-30' }] } });
  });

  it('given a mandate amended with new deadlines, when translated, then the change is noted with them', () => {
    const amended: MandateAmendedV1 = { caseId: CASE, referralId: 'r', kind: 'RENEWAL', decisionDate: '2026-05-02', reportDeadlines: 'FINAL:2026-12-01', amendedAt: '2026-05-03T08:00:00.000Z' };
    expect(commandForFact(fact(MANDATE_AMENDED_V1, amended))).toEqual({
      type: 'NoteMandateChange', caseId: CASE, kind: 'renewal', decisionDate: '2026-05-02', reportDeadlines: [{ kind: 'final', dueOn: '2026-12-01' }], at: '2026-03-09T14:30:00.000Z', sourceEventId: 'contract-1',
    });
  });

  it('given a mandate amended without new deadlines, when translated, then the change is noted and the deadlines stay as they were', () => {
    const amended: MandateAmendedV1 = { caseId: CASE, referralId: 'r', kind: 'AMENDMENT', decisionDate: '2026-05-02', reportDeadlines: null, amendedAt: '2026-05-03T08:00:00.000Z' };
    expect(commandForFact(fact(MANDATE_AMENDED_V1, amended))).toMatchObject({ type: 'NoteMandateChange', kind: 'amendment', reportDeadlines: null });
  });

  it('given sessions held, cancelled and missed, when translated, then each is noted with its attribution', () => {
    expect(commandForFact(fact(SESSION_CONTRACT_TYPES.sessionHeld, { ...session, interrupted: true }))).toMatchObject({ type: 'NoteSessionOutcome', outcome: 'held', interrupted: true, attributedTo: null });
    expect(commandForFact(fact(SESSION_CONTRACT_TYPES.sessionCancelled, { ...session, attributedTo: 'service', reason: 'safety-suspension' }))).toMatchObject({ outcome: 'cancelled', attributedTo: 'service', reason: 'safety-suspension' });
    expect(commandForFact(fact(SESSION_CONTRACT_TYPES.noShow, { ...session, attributedTo: 'parent' }))).toMatchObject({ outcome: 'no-show', attributedTo: 'parent' });
  });

  it('given an incident reported, when translated, then it is noted (and the decider makes a reassessment due)', () => {
    expect(commandForFact(fact(SESSION_CONTRACT_TYPES.incidentReported, { ...session, incidentId: 'incident-1', severity: 'serious', interruptedSession: true }))).toMatchObject({ type: 'NoteIncident', incidentId: 'incident-1', severity: 'serious', interruptedSession: true });
  });

  it('given contracts that do not concern the file, when translated, then nothing', () => {
    expect(commandForFact(fact(SESSION_CONTRACT_TYPES.sessionScheduled, session))).toBeUndefined();
    expect(commandForFact(fact('referrals.ReferralReceived.v1', {}))).toBeUndefined();
  });

  it('given a case-opened without case id or with malformed deadlines, when translated, then it is unreadable (a dead letter, not a retry)', () => {
    expect(() => commandForFact(fact(CASE_OPENED_V1, { ...caseOpened, caseId: '' }))).toThrow(UnreadableContract);
    expect(() => commandForFact(fact(CASE_OPENED_V1, { ...caseOpened, reportDeadlines: 'SOON' }))).toThrow(/reportDeadlines is malformed/);
  });
});
