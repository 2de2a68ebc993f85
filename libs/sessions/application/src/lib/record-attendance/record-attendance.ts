import { AttendanceStatus } from '@lien/sessions-domain';
import { CommandContext } from '../plan-store/command-context';
import { PlanCommandResult, PlanCommandRunner } from '../plan-store/plan-command-runner';

export interface RecordAttendanceInput {
  readonly caseId: string;
  readonly sessionId: string;
  readonly participantId: string;
  readonly status: AttendanceStatus;
  readonly lateMinutes?: number;
}

export function recordAttendance(runner: PlanCommandRunner, input: RecordAttendanceInput, context: CommandContext, expectedRevision?: bigint): Promise<PlanCommandResult> {
  const { caseId, ...rest } = input;
  return runner.run(caseId, { type: 'RecordAttendance', ...rest, issuedAt: context.issuedAt }, context, expectedRevision === undefined ? {} : { expectedRevision });
}
