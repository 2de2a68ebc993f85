import { InstrumentRegistry, InstrumentScoresInput, WellbeingDimensions } from '@lien/assessments-domain';
import { CaseFileCommandResult, CaseFileRepository } from '../case-file-store/case-file.repository';
import { clinicianPart, WriteOptions } from '../case-file-store/clinician-command';
import { CommandContext } from '../case-file-store/command-context';

export interface RecordWellbeingAssessmentInput {
  readonly caseId: string;
  readonly assessmentId: string;
  readonly childId?: string;
  readonly assessedOn: string;
  readonly dimensions: WellbeingDimensions;
  readonly instruments: readonly InstrumentScoresInput[];
}

export function recordWellbeingAssessment(
  files: CaseFileRepository,
  registry: InstrumentRegistry,
  input: RecordWellbeingAssessmentInput,
  context: CommandContext,
  options: WriteOptions = {},
): Promise<CaseFileCommandResult> {
  return files.run({ type: 'RecordWellbeingAssessment', ...input, registry, ...clinicianPart(context) }, context, options.expectedRevision);
}
