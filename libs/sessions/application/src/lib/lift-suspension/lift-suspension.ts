import { CommandContext } from '../plan-store/command-context';
import { PlanCommandResult, PlanCommandRunner } from '../plan-store/plan-command-runner';

/** The acting person's role goes into the command: the plan itself refuses anyone but a coordinator. */
export function liftSuspension(runner: PlanCommandRunner, input: { readonly caseId: string }, context: CommandContext, expectedRevision?: bigint): Promise<PlanCommandResult> {
  return runner.run(input.caseId, { type: 'LiftSuspension', liftedBy: context.actor, issuedAt: context.issuedAt }, context, expectedRevision === undefined ? {} : { expectedRevision });
}
