import { childOf, isBlank, refuseFutureDate, requireOpenFile } from '../case-file/decide-case-context';
import { CaseFileEvent, RiskAssessed } from '../case-file/case-file.events';
import { RecordRiskAssessment } from '../case-file/case-file.commands';
import { CaseFileState, riskFingerprint } from '../case-file/case-file.state';
import { AssessmentAlreadyRecorded } from '../wellbeing/wellbeing.errors';
import { OverrideKeepsScoredLevel, OverrideWithoutReason, UnknownRiskFactor } from './risk.errors';
import { RISK_FACTORS, RiskFactor } from './risk.types';

export function decideRecordRiskAssessment(command: RecordRiskAssessment, state: CaseFileState): CaseFileEvent[] {
  requireOpenFile(state);
  const childId = childOf(command, state);
  refuseFutureDate(command.assessedOn, command.today, 'assessedOn');
  command.factors.forEach((factor, index) => {
    if (!(RISK_FACTORS as readonly string[]).includes(factor)) throw new UnknownRiskFactor(`factors.${index}`);
  });
  const override = command.override;
  if (override) {
    if (isBlank(override.reason)) throw new OverrideWithoutReason();
    if (override.level === command.scoredLevel) throw new OverrideKeepsScoredLevel();
  }
  const event: RiskAssessed = {
    type: 'RiskAssessed',
    caseId: command.caseId,
    assessmentId: command.assessmentId,
    childId,
    assessedOn: command.assessedOn,
    assessedBy: command.by,
    factors: [...new Set(command.factors)] as RiskFactor[],
    scoredLevel: command.scoredLevel,
    override: override ? { level: override.level, reason: override.reason } : null,
    level: override?.level ?? command.scoredLevel,
    previousLevel: state.riskLevel,
    resolvesTriggers: Object.keys(state.openReassessments),
  };
  const existing = state.assessments[command.assessmentId];
  if (existing) {
    if (existing.kind === 'risk' && existing.fingerprint === riskFingerprint(event)) return [];
    throw new AssessmentAlreadyRecorded();
  }
  return [event];
}
