import { IncidentSeverity, InformedParty } from '@lien/sessions-domain';
import { CommandContext } from '../plan-store/command-context';
import { PlanCommandResult, PlanCommandRunner } from '../plan-store/plan-command-runner';

export interface ReportIncidentInput {
  readonly caseId: string;
  readonly sessionId: string;
  readonly incidentId: string;
  readonly severity: IncidentSeverity;
  readonly interruptedSession: boolean;
  readonly informed: readonly InformedParty[];
}

/**
 * A serious incident suspends supervised meetings and calls off those planned, in one append with the
 * report itself; the runner then frees their rooms and practitioners. The escalation task's id derives
 * from the incident's, so a repeated report raises the same task.
 */
export function reportIncident(runner: PlanCommandRunner, input: ReportIncidentInput, context: CommandContext, expectedRevision?: bigint): Promise<PlanCommandResult> {
  const { caseId, ...rest } = input;
  return runner.run(caseId, { type: 'ReportIncident', ...rest, escalationTaskId: `escalation-${input.incidentId}`, issuedAt: context.issuedAt }, context, expectedRevision === undefined ? {} : { expectedRevision });
}
