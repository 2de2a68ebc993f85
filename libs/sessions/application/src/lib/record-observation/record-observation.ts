import { ChildWords } from '@lien/sessions-domain';
import { CommandContext } from '../plan-store/command-context';
import { PlanCommandResult, PlanCommandRunner } from '../plan-store/plan-command-runner';

export interface RecordObservationInput {
  readonly caseId: string;
  readonly sessionId: string;
  readonly observationId: string;
  readonly aboutParticipantId: string;
  readonly text: string;
  readonly childWords: readonly ChildWords[];
}

/** The text and the child's words are sealed per person before they reach the store (see the codec). */
export function recordObservation(runner: PlanCommandRunner, input: RecordObservationInput, context: CommandContext, expectedRevision?: bigint): Promise<PlanCommandResult> {
  const { caseId, ...rest } = input;
  return runner.run(caseId, { type: 'RecordObservation', ...rest, issuedAt: context.issuedAt }, context, expectedRevision === undefined ? {} : { expectedRevision });
}
