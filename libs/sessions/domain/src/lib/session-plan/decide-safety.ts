import { addHours, fromUtcIso, toUtcIso } from '../time/zoned-instant';
import { OnlyCoordinatorMayLiftSuspension } from './recording.errors';
import { refuseIfConcluded, sessionOf } from './session-checks';
import { LiftSuspension, ReportIncident } from './session-plan.commands';
import { SessionNotStartedYet } from './session-plan.errors';
import { SessionPlanEvent } from './session-plan.events';
import { OpenPlan } from './session-plan.state';

/**
 * An incident may happen from the first arrival on, in the waiting room too. A serious one suspends
 * every further supervised meeting of the case at once (those already planned are called off by the
 * service) and raises an escalation task with a deadline, until a coordinator lifts the suspension.
 */
export function decideReportIncident(command: ReportIncident, plan: OpenPlan): SessionPlanEvent[] {
  const session = sessionOf(plan, command.sessionId);
  if (session.incidentIds.includes(command.incidentId)) return [];
  refuseIfConcluded(session, ['scheduled', 'held', 'no-show']);
  const at = fromUtcIso(command.issuedAt);
  const firstArrival = Math.min(session.startsAt, ...session.separation.map((w) => w.arrivesFrom));
  if (at < firstArrival) throw new SessionNotStartedYet(session.sessionId);
  const reported: SessionPlanEvent = {
    type: 'IncidentReported',
    caseId: plan.caseId,
    sessionId: session.sessionId,
    sessionType: session.sessionType,
    incidentId: command.incidentId,
    severity: command.severity,
    interruptedSession: command.interruptedSession,
    informed: command.informed,
  };
  if (command.severity !== 'serious') return [reported];
  const suspension: SessionPlanEvent[] =
    plan.suspendedBy === null
      ? [
          { type: 'SupervisedMeetingsSuspended', caseId: plan.caseId, incidentId: command.incidentId },
          ...Object.values(plan.sessions)
            .filter((s) => s.sessionType === 'supervised-meeting' && s.status === 'scheduled' && s.startsAt > at)
            .map((s): SessionPlanEvent => ({ type: 'SessionCancelled', caseId: plan.caseId, sessionId: s.sessionId, sessionType: s.sessionType, attributedTo: 'service', attributedParticipantId: null, reason: 'safety-suspension' })),
        ]
      : [];
  const dueBy = toUtcIso(addHours(at, plan.safety.escalationDeadlineHours));
  return [reported, ...suspension, { type: 'EscalationTaskRaised', caseId: plan.caseId, taskId: command.escalationTaskId, incidentId: command.incidentId, dueBy }];
}

export function decideLiftSuspension(command: LiftSuspension, plan: OpenPlan): SessionPlanEvent[] {
  if (command.liftedBy.role !== 'coordinator') throw new OnlyCoordinatorMayLiftSuspension();
  if (plan.suspendedBy === null) return [];
  return [{ type: 'SuspensionLifted', caseId: plan.caseId, incidentId: plan.suspendedBy, liftedBy: command.liftedBy.userId }];
}
