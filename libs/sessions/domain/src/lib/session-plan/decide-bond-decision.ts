import { fromUtcIso } from '../time/zoned-instant';
import { ApplyBondDecision } from './session-plan.commands';
import { SessionPlanEvent } from './session-plan.events';
import { OpenPlan } from './session-plan.state';

/**
 * A co-signed decision that suspends or ends the bond stops supervised meetings: new ones are refused and
 * those planned after its signature are called off by the service, as a serious incident does. A later
 * decision replacing it decides again (continue or adapt lifts the stop). The same decision delivered
 * again, or one a later decision already replaced, changes nothing.
 */
export function decideApplyBondDecision(command: ApplyBondDecision, plan: OpenPlan): SessionPlanEvent[] {
  if (plan.appliedDecisionIds.includes(command.decisionId) || plan.supersededDecisionIds.includes(command.decisionId)) return [];
  const applied: SessionPlanEvent = {
    type: 'BondDecisionApplied',
    caseId: plan.caseId,
    decisionId: command.decisionId,
    outcome: command.outcome,
    stopsSupervisedMeetings: command.stopsSupervisedMeetings,
    supersedesDecisionId: command.supersedesDecisionId,
    signedAt: command.issuedAt,
  };
  if (!command.stopsSupervisedMeetings) return [applied];
  const signedAt = fromUtcIso(command.issuedAt);
  const calledOff = Object.values(plan.sessions)
    .filter((s) => s.sessionType === 'supervised-meeting' && s.status === 'scheduled' && s.startsAt > signedAt)
    .map((s): SessionPlanEvent => ({ type: 'SessionCancelled', caseId: plan.caseId, sessionId: s.sessionId, sessionType: s.sessionType, attributedTo: 'service', attributedParticipantId: null, reason: 'bond-decision' }));
  return [applied, ...calledOff];
}
