import { bondDecisionForSessions, UnreadableBondDecision } from './bond-decision.translation';

const contract = (overrides: Record<string, unknown> = {}) => ({
  caseId: 'case-1',
  decisionId: 'decision-2',
  childId: 'child-1',
  outcome: 'suspend',
  stopsSupervisedMeetings: true,
  supersedesDecisionId: 'decision-1',
  assessmentCount: 2,
  signedAt: '2026-03-21T09:00:00.000Z',
  ...overrides,
});

describe('reading the bond-decision contract for sessions', () => {
  it('given a co-signed suspension, when read, then it applies to the case’s plan at the signature time, without the child or the assessments', () => {
    expect(bondDecisionForSessions(contract())).toEqual({
      caseId: 'case-1',
      command: { type: 'ApplyBondDecision', decisionId: 'decision-2', outcome: 'suspend', stopsSupervisedMeetings: true, supersedesDecisionId: 'decision-1', issuedAt: '2026-03-21T09:00:00.000Z' },
    });
  });

  it('given a first decision, when read, then it replaces none', () => {
    expect(bondDecisionForSessions(contract({ supersedesDecisionId: null, outcome: 'continue', stopsSupervisedMeetings: false })).command).toMatchObject({ supersedesDecisionId: null, stopsSupervisedMeetings: false });
  });

  it.each([
    ['without the case', { caseId: undefined }],
    ['without the decision id', { decisionId: '' }],
    ['without saying whether meetings stop', { stopsSupervisedMeetings: undefined }],
    ['with the stop as a text', { stopsSupervisedMeetings: 'true' }],
    ['without the replaced decision (not even null)', { supersedesDecisionId: undefined }],
    ['with a signature time that is not UTC', { signedAt: '2026-03-21T10:00:00+01:00' }],
  ])('given a contract %s, when read, then it is refused rather than guessed', (_, overrides) => {
    expect(() => bondDecisionForSessions(contract(overrides))).toThrow(UnreadableBondDecision);
  });
});
