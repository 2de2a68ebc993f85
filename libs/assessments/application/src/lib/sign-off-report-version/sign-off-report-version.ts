import { CaseFileCommandResult, CaseFileRepository } from '../case-file-store/case-file.repository';
import { clinicianPart, WriteOptions } from '../case-file-store/clinician-command';
import { CommandContext } from '../case-file-store/command-context';

export interface ReportVersionRef {
  readonly caseId: string;
  readonly reportId: string;
  readonly version: number;
}

export function signOffReportVersion(files: CaseFileRepository, input: ReportVersionRef, context: CommandContext, options: WriteOptions = {}): Promise<CaseFileCommandResult> {
  return files.run({ type: 'SignOffReportVersion', ...input, ...clinicianPart(context) }, context, options.expectedRevision);
}
