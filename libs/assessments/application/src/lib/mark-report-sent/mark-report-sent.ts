import { CaseFileCommandResult, CaseFileRepository } from '../case-file-store/case-file.repository';
import { clinicianPart, WriteOptions } from '../case-file-store/clinician-command';
import { CommandContext } from '../case-file-store/command-context';
import { ReportVersionRef } from '../sign-off-report-version/sign-off-report-version';

export function markReportSent(files: CaseFileRepository, input: ReportVersionRef & { readonly sentOn: string }, context: CommandContext, options: WriteOptions = {}): Promise<CaseFileCommandResult> {
  return files.run({ type: 'MarkReportSent', ...input, ...clinicianPart(context) }, context, options.expectedRevision);
}
