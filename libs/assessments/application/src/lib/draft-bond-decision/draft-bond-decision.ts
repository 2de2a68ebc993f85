import { BondOutcome } from '@lien/assessments-domain';
import { CaseFileCommandResult, CaseFileRepository } from '../case-file-store/case-file.repository';
import { clinicianPart, WriteOptions } from '../case-file-store/clinician-command';
import { CommandContext } from '../case-file-store/command-context';

export interface DraftBondDecisionInput {
  readonly caseId: string;
  readonly decisionId: string;
  readonly childId?: string;
  readonly outcome: BondOutcome;
  readonly adaptedModalities?: string;
  readonly rationale: string;
  readonly childWishes: string;
  readonly assessmentIds: readonly string[];
}

/** The draft has no effect until a second clinician co-signs it. */
export function draftBondDecision(files: CaseFileRepository, input: DraftBondDecisionInput, context: CommandContext, options: WriteOptions = {}): Promise<CaseFileCommandResult> {
  return files.run({ type: 'DraftBondDecision', ...input, ...clinicianPart(context) }, context, options.expectedRevision);
}
