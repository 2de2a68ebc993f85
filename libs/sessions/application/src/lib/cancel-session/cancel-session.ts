import { Attribution } from '@lien/sessions-domain';
import { CommandContext } from '../plan-store/command-context';
import { bookedSlotOf, PlanCommandResult, PlanCommandRunner } from '../plan-store/plan-command-runner';

export interface CancelSessionInput {
  readonly caseId: string;
  readonly sessionId: string;
  readonly attributedTo: Attribution;
  readonly attributedParticipantId?: string;
}

export async function cancelSession(runner: PlanCommandRunner, input: CancelSessionInput, context: CommandContext, expectedRevision?: bigint): Promise<PlanCommandResult> {
  const { caseId, ...rest } = input;
  const result = await runner.run(caseId, { type: 'CancelSession', ...rest, issuedAt: context.issuedAt }, context, expectedRevision === undefined ? {} : { expectedRevision });
  // A repeated cancel releases again: the first one may have stopped after the plan recorded it.
  const slot = result.events.length === 0 && result.after.status === 'open' && result.after.sessions[input.sessionId]?.status === 'cancelled' ? bookedSlotOf(result.after, input.sessionId) : undefined;
  if (slot) await runner.bookings.release(slot, context);
  return result;
}
