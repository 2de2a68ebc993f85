import { Attribution } from '@lien/sessions-domain';
import { CommandContext } from '../plan-store/command-context';
import { PlanCommandResult, PlanCommandRunner } from '../plan-store/plan-command-runner';

export interface RecordNoShowInput {
  readonly caseId: string;
  readonly sessionId: string;
  readonly attributedTo: Attribution;
  readonly attributedParticipantId?: string;
}

export function recordNoShow(runner: PlanCommandRunner, input: RecordNoShowInput, context: CommandContext, expectedRevision?: bigint): Promise<PlanCommandResult> {
  const { caseId, ...rest } = input;
  return runner.run(caseId, { type: 'RecordNoShow', ...rest, issuedAt: context.issuedAt }, context, expectedRevision === undefined ? {} : { expectedRevision });
}
