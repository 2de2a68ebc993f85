import { CaseFileCommandResult, CaseFileRepository } from '../case-file-store/case-file.repository';
import { clinicianPart, WriteOptions } from '../case-file-store/clinician-command';
import { CommandContext } from '../case-file-store/command-context';

export function withdrawBondDecisionDraft(files: CaseFileRepository, input: { readonly caseId: string; readonly decisionId: string }, context: CommandContext, options: WriteOptions = {}): Promise<CaseFileCommandResult> {
  return files.run({ type: 'WithdrawBondDecisionDraft', ...input, ...clinicianPart(context) }, context, options.expectedRevision);
}
