import { CaseFileEvent, RiskAssessed, WellbeingAssessed } from './case-file.events';
import { DraftBondDecision, RecordRiskAssessment, RecordWellbeingAssessment } from './case-file.commands';
import { InstrumentRegistry } from '../wellbeing/instrument.types';

export const CASE_ID = '44444444-4444-4444-8444-444444444444';
export const CHILD_ID = '11111111-1111-4111-8111-111111111111';
export const SIBLING_ID = '55555555-5555-4555-8555-555555555555';
export const AUTHOR = { userId: 'practitioner-ana', role: 'practitioner' };
export const PEER = { userId: 'practitioner-ben', role: 'practitioner' };
export const COORDINATOR = { userId: 'coordinator-cleo', role: 'coordinator' };
export const TODAY = '2026-05-04';

/** Shaped like config/instruments/sdq.json: four difficulty subscales, prosocial, and the derived total. */
export const REGISTRY: InstrumentRegistry = {
  SDQ: {
    id: 'SDQ',
    version: '1',
    name: 'Strengths and Difficulties Questionnaire',
    respondents: ['parent', 'teacher', 'self'],
    scales: [
      { code: 'emotional', label: 'Symptômes émotionnels', min: 0, max: 10, higherIsBetter: false },
      { code: 'conduct', label: 'Problèmes de comportement', min: 0, max: 10, higherIsBetter: false },
      { code: 'hyperactivity', label: 'Hyperactivité / inattention', min: 0, max: 10, higherIsBetter: false },
      { code: 'peer', label: 'Problèmes relationnels avec les pairs', min: 0, max: 10, higherIsBetter: false },
      { code: 'prosocial', label: 'Comportement prosocial', min: 0, max: 10, higherIsBetter: true },
      { code: 'totalDifficulties', label: 'Score total des difficultés', min: 0, max: 40, higherIsBetter: false, sumOf: ['emotional', 'conduct', 'hyperactivity', 'peer'] },
    ],
  },
};

export const opened = (childIds: string[] = [CHILD_ID]): CaseFileEvent => ({
  type: 'AssessmentFileOpened',
  caseId: CASE_ID,
  referralId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  childIds,
  mandate: { mandantType: 'FAMILY_COURT', legalBasis: 'CONSTRAINED', division: 'marche-en-famenne', decisionDate: '2026-02-20', reportDeadlines: [{ kind: 'interim', dueOn: '2026-06-01' }, { kind: 'final', dueOn: '2026-09-30' }] },
  sourceEventId: 'contract-case-opened',
});

const dimension = (level: 'critical' | 'fragile' | 'stable' | 'good', words: string | null = null) => ({ level, observations: `Observation ${level}`, childWords: words });

export const recordWellbeing = (overrides: Partial<RecordWellbeingAssessment> = {}): RecordWellbeingAssessment => ({
  type: 'RecordWellbeingAssessment',
  caseId: CASE_ID,
  assessmentId: 'wellbeing-1',
  assessedOn: '2026-04-02',
  dimensions: { psychological: dimension('fragile', 'J’ai peur quand il crie.'), physical: dimension('good'), emotional: dimension('fragile') },
  instruments: [{ instrumentId: 'SDQ', respondent: 'parent', scores: { emotional: 6, conduct: 3, hyperactivity: 4, peer: 2, prosocial: 7 } }],
  registry: REGISTRY,
  by: AUTHOR,
  today: TODAY,
  ...overrides,
});

export const wellbeingAssessed = (overrides: Partial<WellbeingAssessed> = {}): WellbeingAssessed => {
  const command = recordWellbeing();
  return {
    type: 'WellbeingAssessed',
    caseId: CASE_ID,
    assessmentId: 'wellbeing-1',
    childId: CHILD_ID,
    assessedOn: command.assessedOn,
    assessedBy: AUTHOR,
    dimensions: command.dimensions,
    instruments: [{ instrumentId: 'SDQ', instrumentVersion: '1', respondent: 'parent', scores: { emotional: 6, conduct: 3, hyperactivity: 4, peer: 2, prosocial: 7, totalDifficulties: 15 } }],
    ...overrides,
  };
};

export const recordRisk = (overrides: Partial<RecordRiskAssessment> = {}): RecordRiskAssessment => ({
  type: 'RecordRiskAssessment',
  caseId: CASE_ID,
  assessmentId: 'risk-1',
  assessedOn: '2026-04-03',
  factors: ['physical-violence', 'child-fear-of-parent'],
  scoredLevel: 'medium',
  by: AUTHOR,
  today: TODAY,
  ...overrides,
});

export const riskAssessed = (overrides: Partial<RiskAssessed> = {}): RiskAssessed => ({
  type: 'RiskAssessed',
  caseId: CASE_ID,
  assessmentId: 'risk-1',
  childId: CHILD_ID,
  assessedOn: '2026-04-03',
  assessedBy: AUTHOR,
  factors: ['physical-violence', 'child-fear-of-parent'],
  scoredLevel: 'medium',
  override: null,
  level: 'medium',
  previousLevel: null,
  resolvesTriggers: [],
  ...overrides,
});

export const draftDecision = (overrides: Partial<DraftBondDecision> = {}): DraftBondDecision => ({
  type: 'DraftBondDecision',
  caseId: CASE_ID,
  decisionId: 'decision-1',
  outcome: 'suspend',
  rationale: 'Les rencontres ravivent une peur intense chez l’enfant ; la sécurité prime.',
  childWishes: 'Ne plus voir son père pour le moment.',
  assessmentIds: ['wellbeing-1', 'risk-1'],
  by: AUTHOR,
  today: TODAY,
  ...overrides,
});

export const decisionDrafted = (overrides: Partial<Extract<CaseFileEvent, { type: 'BondDecisionDrafted' }>> = {}): CaseFileEvent => {
  const command = draftDecision();
  return {
    type: 'BondDecisionDrafted',
    caseId: CASE_ID,
    decisionId: 'decision-1',
    childId: CHILD_ID,
    outcome: 'suspend',
    adaptedModalities: null,
    rationale: command.rationale,
    childWishes: command.childWishes,
    assessmentIds: ['wellbeing-1', 'risk-1'],
    draftedBy: AUTHOR,
    ...overrides,
  };
};
