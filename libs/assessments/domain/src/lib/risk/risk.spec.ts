import { deciderSpecification } from '@lien/shared-decider-testing';
import { AssessmentFileNotFound, DateInFuture, InvalidAssessmentInput } from '../case-file/case-file.errors';
import { caseFileDecider } from '../case-file/case-file.decider';
import { CaseFileEvent } from '../case-file/case-file.events';
import { CASE_ID, opened, recordRisk, riskAssessed, wellbeingAssessed } from '../case-file/case-file.spec-fixtures';
import { AssessmentAlreadyRecorded } from '../wellbeing/wellbeing.errors';
import { OverrideKeepsScoredLevel, OverrideWithoutReason, UnknownRiskFactor } from './risk.errors';

const spec = deciderSpecification(caseFileDecider);
const namesField = (field: string) => (error: InvalidAssessmentInput) => expect(error.details['field']).toBe(field);
const reassessmentDue = (trigger: 'incident' | 'mandate-change', triggerId: string): CaseFileEvent => ({ type: 'RiskReassessmentBecameDue', caseId: CASE_ID, trigger, triggerId, dueSince: '2026-04-20T10:00:00.000Z' });

describe('recording a risk assessment', () => {
  it('given an open file, when the first risk assessment is recorded, then its scored level is the level in force, with no previous level', () => {
    spec.given([opened()]).when(recordRisk()).then([riskAssessed()]);
  });

  it('given a medium risk, when professional judgement raises it to high with a written reason, then high is in force and both levels are kept', () => {
    const override = { level: 'high' as const, reason: 'Menaces de mort rapportées par la mère, escalade récente.' };
    spec
      .given([opened(), riskAssessed()])
      .when(recordRisk({ assessmentId: 'risk-2', override }))
      .then([riskAssessed({ assessmentId: 'risk-2', override, level: 'high', previousLevel: 'medium' })]);
  });

  it('given an open file, when professional judgement overrides the level without a reason, then it is refused on override.reason', () => {
    spec.given([opened()]).when(recordRisk({ override: { level: 'high', reason: ' ' } })).thenThrows(OverrideWithoutReason, namesField('override.reason'));
  });

  it('given an open file, when professional judgement gives the scored level again, then it is refused on override.level', () => {
    spec.given([opened()]).when(recordRisk({ override: { level: 'medium', reason: 'Même avis.' } })).thenThrows(OverrideKeepsScoredLevel, namesField('override.level'));
  });

  it('given an open file, when a factor outside the list is checked, then it is refused naming its position', () => {
    spec.given([opened()]).when(recordRisk({ factors: ['physical-violence', 'astrology'] })).thenThrows(UnknownRiskFactor, namesField('factors.1'));
  });

  it('given an open file, when the assessment is dated in the future, then it is refused on assessedOn', () => {
    spec.given([opened()]).when(recordRisk({ assessedOn: '2027-01-01' })).thenThrows(DateInFuture);
  });

  it('given the risk assessment recorded, when it arrives again, then nothing happens', () => {
    spec.given([opened(), riskAssessed()]).when(recordRisk()).thenNothing();
  });

  it('given a wellbeing assessment under an id, when a risk assessment uses that id, then it is refused', () => {
    spec.given([opened(), wellbeingAssessed({ assessmentId: 'risk-1' })]).when(recordRisk()).thenThrows(AssessmentAlreadyRecorded);
  });

  it('given no file, when a risk assessment arrives, then the file is not found', () => {
    spec.given([]).when(recordRisk()).thenThrows(AssessmentFileNotFound);
  });
});

describe('reassessing the risk when something changes', () => {
  const incident = { type: 'NoteIncident' as const, caseId: CASE_ID, incidentId: 'incident-7', sessionId: 'session-3', sessionType: 'supervised-meeting', severity: 'moderate', interruptedSession: true, at: '2026-04-20T10:00:00.000Z', sourceEventId: 'contract-incident-7' };
  const mandateChange = { type: 'NoteMandateChange' as const, caseId: CASE_ID, kind: 'amendment', decisionDate: '2026-04-18', reportDeadlines: null, at: '2026-04-20T10:00:00.000Z', sourceEventId: 'contract-amendment-1' };
  const incidentNoted: CaseFileEvent = { type: 'IncidentNoted', caseId: CASE_ID, incidentId: 'incident-7', sessionId: 'session-3', sessionType: 'supervised-meeting', severity: 'moderate', interruptedSession: true, occurredAt: incident.at, sourceEventId: incident.sourceEventId };
  const mandateNoted: CaseFileEvent = { type: 'MandateChangeNoted', caseId: CASE_ID, kind: 'amendment', decisionDate: '2026-04-18', reportDeadlines: null, sourceEventId: 'contract-amendment-1' };

  it('given a risk assessed, when sessions reports an incident, then the incident is noted and a reassessment becomes due', () => {
    spec.given([opened(), riskAssessed()]).when(incident).then([incidentNoted, reassessmentDue('incident', 'incident-7')]);
  });

  it('given the incident noted, when the same contract is delivered again, then nothing happens', () => {
    spec.given([opened(), incidentNoted, reassessmentDue('incident', 'incident-7')]).when(incident).thenNothing();
  });

  it('given a risk assessed, when referrals reports a mandate change, then the change is noted and a reassessment becomes due', () => {
    spec.given([opened(), riskAssessed()]).when(mandateChange).then([mandateNoted, reassessmentDue('mandate-change', 'contract-amendment-1')]);
  });

  it('given two reassessments due, when the risk is assessed again, then the new assessment answers both', () => {
    spec
      .given([opened(), riskAssessed(), incidentNoted, reassessmentDue('incident', 'incident-7'), mandateNoted, reassessmentDue('mandate-change', 'contract-amendment-1')])
      .when(recordRisk({ assessmentId: 'risk-2', scoredLevel: 'high' }))
      .then([riskAssessed({ assessmentId: 'risk-2', scoredLevel: 'high', level: 'high', previousLevel: 'medium', resolvesTriggers: ['incident-7', 'contract-amendment-1'] })]);
  });

  it('given a reassessment answered, when the risk is assessed once more, then it answers nothing new', () => {
    const answered = riskAssessed({ assessmentId: 'risk-2', resolvesTriggers: ['incident-7'] });
    spec
      .given([opened(), riskAssessed(), incidentNoted, reassessmentDue('incident', 'incident-7'), answered])
      .when(recordRisk({ assessmentId: 'risk-3' }))
      .then([riskAssessed({ assessmentId: 'risk-3', previousLevel: 'medium' })]);
  });
});
