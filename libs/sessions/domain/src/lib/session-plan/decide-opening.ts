import { isSessionType } from '../protocol/protocol-template';
import { AdvancePhase, OpenSessionPlan } from './session-plan.commands';
import { InvalidSessionPlan, PhaseTransitionNotAllowed } from './session-plan.errors';
import { SessionPlanEvent } from './session-plan.events';
import { OpenPlan, SessionPlanState } from './session-plan.state';

/** A case is opened once; the same contract delivered again changes nothing. */
export function decideOpenSessionPlan(command: OpenSessionPlan, state: SessionPlanState): SessionPlanEvent[] {
  if (state.status === 'open') return [];
  checkPlanInput(command);
  return [
    {
      type: 'SessionPlanOpened',
      caseId: command.caseId,
      template: command.template,
      safety: command.safety,
      participants: command.participants,
      measures: command.measures,
      openedFrom: command.openedFrom,
    },
  ];
}

function checkPlanInput(command: OpenSessionPlan): void {
  const ids = command.participants.map((p) => p.participantId);
  if (!command.participants.some((p) => p.role === 'child')) throw new InvalidSessionPlan('participants', 'a case needs at least one child');
  if (new Set(ids).size !== ids.length) throw new InvalidSessionPlan('participants', 'a participant is listed twice');
  command.measures.forEach((measure, index) => {
    const known = [measure.restrictedParticipantId, ...measure.protectedParticipantIds].every((id) => ids.includes(id));
    if (!known) throw new InvalidSessionPlan(`measures[${index}]`, 'a measure names someone who is not a participant of the case');
  });
  const phases = command.template.phases;
  if (phases.length === 0) throw new InvalidSessionPlan('template.phases', 'the protocol template has no phase');
  if (new Set(phases.map((p) => p.code)).size !== phases.length) throw new InvalidSessionPlan('template.phases', 'two phases share a code');
  if (phases.some((p) => !p.allowedSessionTypes.every(isSessionType))) throw new InvalidSessionPlan('template.phases', 'a phase allows an unknown session type');
  const { staggerMinutes, escalationDeadlineHours } = command.safety;
  if (!Number.isInteger(staggerMinutes) || staggerMinutes < 1 || staggerMinutes > 180) throw new InvalidSessionPlan('safety.staggerMinutes', 'the stagger must be 1 to 180 minutes');
  if (!(escalationDeadlineHours > 0)) throw new InvalidSessionPlan('safety.escalationDeadlineHours', 'the escalation deadline must be positive');
}

/** The path goes forward one phase at a time; a case may also leave it at once for the last phase (closure). */
export function decideAdvancePhase(command: AdvancePhase, plan: OpenPlan): SessionPlanEvent[] {
  if (command.to === plan.phase) return [];
  const phases = plan.template.phases;
  const current = phases.findIndex((p) => p.code === plan.phase);
  const next = phases[current + 1]?.code;
  const last = phases[phases.length - 1]?.code;
  if (command.to !== next && command.to !== last) throw new PhaseTransitionNotAllowed(plan.phase, command.to);
  return [{ type: 'PhaseAdvanced', caseId: plan.caseId, from: plan.phase, to: command.to }];
}
