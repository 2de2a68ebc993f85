import { CommandContext } from '../plan-store/command-context';
import { PlanCommandResult, PlanCommandRunner } from '../plan-store/plan-command-runner';

export function advancePhase(runner: PlanCommandRunner, input: { readonly caseId: string; readonly to: string }, context: CommandContext, expectedRevision?: bigint): Promise<PlanCommandResult> {
  return runner.run(input.caseId, { type: 'AdvancePhase', to: input.to, issuedAt: context.issuedAt }, context, expectedRevision === undefined ? {} : { expectedRevision });
}
