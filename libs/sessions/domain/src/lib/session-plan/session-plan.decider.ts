import { Decider } from '@lien/shared-kernel';
import { decideApplyBondDecision } from './decide-bond-decision';
import { decideAdvancePhase, decideOpenSessionPlan } from './decide-opening';
import { decideMarkSessionHeld, decideRecordAttendance, decideRecordNoShow, decideRecordObservation } from './decide-recording';
import { decideLiftSuspension, decideReportIncident } from './decide-safety';
import { decideCancelSession, decideRescheduleSession, decideScheduleSession } from './decide-scheduling';
import { SessionPlanCommand } from './session-plan.commands';
import { SessionPlanNotOpened } from './session-plan.errors';
import { SessionPlanEvent } from './session-plan.events';
import { evolveSessionPlan, initialSessionPlanState, SessionPlanState } from './session-plan.state';

export function decideSessionPlan(command: SessionPlanCommand, state: SessionPlanState): SessionPlanEvent[] {
  if (command.type === 'OpenSessionPlan') return decideOpenSessionPlan(command, state);
  if (state.status !== 'open') throw new SessionPlanNotOpened();
  switch (command.type) {
    case 'AdvancePhase':
      return decideAdvancePhase(command, state);
    case 'ScheduleSession':
      return decideScheduleSession(command, state);
    case 'RescheduleSession':
      return decideRescheduleSession(command, state);
    case 'CancelSession':
      return decideCancelSession(command, state);
    case 'RecordNoShow':
      return decideRecordNoShow(command, state);
    case 'RecordAttendance':
      return decideRecordAttendance(command, state);
    case 'RecordObservation':
      return decideRecordObservation(command, state);
    case 'MarkSessionHeld':
      return decideMarkSessionHeld(command, state);
    case 'ReportIncident':
      return decideReportIncident(command, state);
    case 'LiftSuspension':
      return decideLiftSuspension(command, state);
    case 'ApplyBondDecision':
      return decideApplyBondDecision(command, state);
  }
}

/** One case's sessions, safety state and phase: the boundary inside which a suspension and a new meeting cannot race. */
export const sessionPlanDecider: Decider<SessionPlanCommand, SessionPlanEvent, SessionPlanState> = {
  decide: decideSessionPlan,
  evolve: evolveSessionPlan,
  initialState: initialSessionPlanState,
};

export function sessionPlanStream(caseId: string): string {
  return `sessionplan-${caseId}`;
}
