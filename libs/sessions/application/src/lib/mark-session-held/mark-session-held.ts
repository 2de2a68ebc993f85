import { CommandContext } from '../plan-store/command-context';
import { PlanCommandResult, PlanCommandRunner } from '../plan-store/plan-command-runner';

export function markSessionHeld(runner: PlanCommandRunner, input: { readonly caseId: string; readonly sessionId: string }, context: CommandContext, expectedRevision?: bigint): Promise<PlanCommandResult> {
  return runner.run(input.caseId, { type: 'MarkSessionHeld', sessionId: input.sessionId, issuedAt: context.issuedAt }, context, expectedRevision === undefined ? {} : { expectedRevision });
}
