import assessmentRecordedGolden from './golden/assessment-recorded.v1.json';
import bondDecisionSignedGolden from './golden/bond-decision-signed.v1.json';
import reportSentGolden from './golden/report-sent.v1.json';
import riskLevelChangedGolden from './golden/risk-level-changed.v1.json';
import { ASSESSMENT_CONTRACT_TYPES, AssessmentContractType, AssessmentContractTypes } from './case-assessments.contracts';
import { decodeInstrumentScores, encodeInstrumentScores } from './instrument-scores.encoding';

const CASE = '44444444-4444-4444-8444-444444444444';
const CHILD = '11111111-1111-4111-8111-111111111111';
const TYPES = Object.values(ASSESSMENT_CONTRACT_TYPES);
const sdq = { instrumentId: 'SDQ', instrumentVersion: '1', respondent: 'parent', scores: { conduct: 3, emotional: 6, hyperactivity: 4, peer: 2, prosocial: 7, totalDifficulties: 15 } };

/** Typed samples: renaming or retyping a field breaks the build; changing a value breaks the golden test. */
const samples: { [T in AssessmentContractType]: { data: AssessmentContractTypes[T]; golden: unknown } } = {
  [ASSESSMENT_CONTRACT_TYPES.assessmentRecorded]: {
    data: {
      caseId: CASE,
      assessmentId: '7a1b2c3d-0000-4000-8000-000000000001',
      childId: CHILD,
      assessedOn: '2026-04-02',
      psychologicalLevel: 'fragile',
      physicalLevel: 'good',
      emotionalLevel: 'fragile',
      instrumentScores: encodeInstrumentScores([sdq]),
    },
    golden: assessmentRecordedGolden,
  },
  [ASSESSMENT_CONTRACT_TYPES.riskLevelChanged]: {
    data: { caseId: CASE, assessmentId: '7a1b2c3d-0000-4000-8000-000000000002', previousLevel: 'medium', level: 'high', overridden: true, assessedOn: '2026-04-21' },
    golden: riskLevelChangedGolden,
  },
  [ASSESSMENT_CONTRACT_TYPES.bondDecisionSigned]: {
    data: {
      caseId: CASE,
      decisionId: '7a1b2c3d-0000-4000-8000-000000000003',
      childId: CHILD,
      outcome: 'suspend',
      stopsSupervisedMeetings: true,
      supersedesDecisionId: null,
      assessmentCount: 2,
      signedAt: '2026-04-24T15:10:00.000Z',
    },
    golden: bondDecisionSignedGolden,
  },
  [ASSESSMENT_CONTRACT_TYPES.reportSent]: {
    data: { caseId: CASE, reportId: '7a1b2c3d-0000-4000-8000-000000000004', version: 1, kind: 'interim', deadlineDueOn: '2026-06-01', sentOn: '2026-05-28' },
    golden: reportSentGolden,
  },
};

describe('case assessments contracts', () => {
  it.each(TYPES)('given the %s sample, when serialised, then it matches its golden file', (type) => {
    expect(JSON.parse(JSON.stringify({ type, data: samples[type].data }))).toEqual(samples[type].golden);
  });

  it.each(TYPES)('given the %s sample, when inspected, then it holds primitives only', (type) => {
    for (const value of Object.values(samples[type].data)) expect(['string', 'number', 'boolean'].includes(typeof value) || value === null).toBe(true);
  });

  it('given every contract, when named, then it reads as a CloudEvents type: assessments.<PascalName>.v<n>', () => {
    for (const type of TYPES) expect(type).toMatch(/^assessments\.[A-Z][A-Za-z0-9]*\.v[1-9][0-9]*$/);
  });

  it('given encoded instrument scores, when decoded, then the same scores come back; none encode as an empty text', () => {
    const teacher = { ...sdq, respondent: null, scores: { emotional: 1, totalDifficulties: 1 } };
    expect(decodeInstrumentScores(encodeInstrumentScores([sdq, teacher]))).toEqual([sdq, teacher]);
    expect(encodeInstrumentScores([])).toBe('');
    expect(decodeInstrumentScores('')).toEqual([]);
  });

  it('given a malformed encoding, when decoded, then it fails rather than guess', () => {
    expect(() => decodeInstrumentScores('SDQ:emotional=6')).toThrow(/malformed/);
    expect(() => decodeInstrumentScores('SDQ@1/:emotional=six')).toThrow(/malformed/);
  });
});
