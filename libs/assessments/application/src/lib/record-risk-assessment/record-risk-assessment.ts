import { RiskLevel } from '@lien/assessments-domain';
import { CaseFileCommandResult, CaseFileRepository } from '../case-file-store/case-file.repository';
import { clinicianPart, WriteOptions } from '../case-file-store/clinician-command';
import { CommandContext } from '../case-file-store/command-context';

export interface RecordRiskAssessmentInput {
  readonly caseId: string;
  readonly assessmentId: string;
  readonly childId?: string;
  readonly assessedOn: string;
  readonly factors: readonly string[];
  readonly scoredLevel: RiskLevel;
  readonly override?: { readonly level: RiskLevel; readonly reason: string };
}

export function recordRiskAssessment(files: CaseFileRepository, input: RecordRiskAssessmentInput, context: CommandContext, options: WriteOptions = {}): Promise<CaseFileCommandResult> {
  return files.run({ type: 'RecordRiskAssessment', ...input, ...clinicianPart(context) }, context, options.expectedRevision);
}
