import { ReportKind } from '@lien/assessments-domain';
import { CaseFileCommandResult, CaseFileRepository } from '../case-file-store/case-file.repository';
import { clinicianPart, WriteOptions } from '../case-file-store/clinician-command';
import { CommandContext } from '../case-file-store/command-context';

export interface GenerateReportVersionInput {
  readonly caseId: string;
  readonly reportId: string;
  readonly kind: ReportKind;
  readonly deadlineDueOn?: string;
}

/** Records the version and the file revision it rests on; the PDF is rendered from there on every read. */
export function generateReportVersion(files: CaseFileRepository, input: GenerateReportVersionInput, context: CommandContext, options: WriteOptions = {}): Promise<CaseFileCommandResult> {
  return files.run({ type: 'GenerateReportVersion', ...input, ...clinicianPart(context) }, context, options.expectedRevision);
}
