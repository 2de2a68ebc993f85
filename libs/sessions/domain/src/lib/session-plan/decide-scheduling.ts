import { SessionType } from '../protocol/protocol-template';
import { measureForbidding, ProtectiveMeasureForbidsSession } from '../safety/protective-measures';
import { HouseholdsWouldMeet } from '../safety/separation.errors';
import { checkedSeparation, computeSeparation, HouseholdWindows, intervalsOverlap, presenceOf, ProposedHouseholdWindows } from '../safety/separation-plan';
import { fromUtcIso, toUtcIso } from '../time/zoned-instant';
import { CaseParticipant } from './participants';
import { checkedAttribution, checkedSlot, checkParticipantsFit, householdsOf, linkedParticipants, refuseIfConcluded, sessionOf, Slot } from './session-checks';
import { CancelSession, RescheduleSession, ScheduleSession } from './session-plan.commands';
import { SessionIdAlreadyUsed, SessionTypeNotAllowedInPhase, SupervisedMeetingsAreSuspended, SupervisedMeetingsStoppedByBondDecision } from './session-plan.errors';
import { SessionPlanEvent, SessionScheduled, StoredHouseholdWindows } from './session-plan.events';
import { OpenPlan, PlannedSession } from './session-plan.state';

export function decideScheduleSession(command: ScheduleSession, plan: OpenPlan): SessionPlanEvent[] {
  const slot = checkedSlot(command.startsAt, command.endsAt, command.issuedAt);
  const participants = linkedParticipants(plan, command.participantIds);
  checkParticipantsFit(command.sessionType, participants, command.practitionerIds, plan);
  const separation = separationFor(participants, slot, command.separation, plan);
  const scheduled: SessionScheduled = {
    type: 'SessionScheduled',
    caseId: plan.caseId,
    sessionId: command.sessionId,
    sessionType: command.sessionType,
    phase: plan.phase,
    participantIds: command.participantIds,
    practitionerIds: command.practitionerIds,
    roomId: command.roomId,
    startsAt: toUtcIso(slot.startsAt),
    endsAt: toUtcIso(slot.endsAt),
    separation: storedWindows(separation),
  };
  const existing = plan.sessions[command.sessionId];
  if (existing) {
    if (sameAsScheduled(existing, scheduled)) return [];
    throw new SessionIdAlreadyUsed(command.sessionId);
  }
  checkSafetyRules(plan, command.sessionType, command.participantIds);
  if (!plan.template.phases.find((p) => p.code === plan.phase)?.allowedSessionTypes.includes(command.sessionType)) {
    throw new SessionTypeNotAllowedInPhase(command.sessionType, plan.phase);
  }
  refuseIfHouseholdsWouldMeet(plan, command.sessionId, separation);
  return [scheduled];
}

export function decideRescheduleSession(command: RescheduleSession, plan: OpenPlan): SessionPlanEvent[] {
  const session = sessionOf(plan, command.sessionId);
  refuseIfConcluded(session);
  const slot = checkedSlot(command.startsAt, command.endsAt, command.issuedAt);
  const participants = linkedParticipants(plan, session.participantIds);
  const windows = separationFor(participants, slot, command.separation, plan);
  const separation = storedWindows(windows);
  const unchanged = session.roomId === command.roomId && session.startsAt === slot.startsAt && session.endsAt === slot.endsAt && sameWindows(storedWindows(session.separation), separation);
  if (unchanged) return [];
  checkSafetyRules(plan, session.sessionType, session.participantIds);
  refuseIfHouseholdsWouldMeet(plan, session.sessionId, windows);
  return [
    { type: 'SessionRescheduled', caseId: plan.caseId, sessionId: session.sessionId, roomId: command.roomId, startsAt: toUtcIso(slot.startsAt), endsAt: toUtcIso(slot.endsAt), separation },
  ];
}

export function decideCancelSession(command: CancelSession, plan: OpenPlan): SessionPlanEvent[] {
  const session = sessionOf(plan, command.sessionId);
  if (session.status === 'cancelled') return [];
  refuseIfConcluded(session);
  const attributedParticipantId = checkedAttribution(plan, command.attributedTo, command.attributedParticipantId);
  return [{ type: 'SessionCancelled', caseId: plan.caseId, sessionId: session.sessionId, sessionType: session.sessionType, attributedTo: command.attributedTo, attributedParticipantId, reason: 'requested' }];
}

/** Safety comes before planning rules, so a refusal says first what protects the people. */
function checkSafetyRules(plan: OpenPlan, sessionType: SessionType, participantIds: readonly string[]): void {
  const measure = measureForbidding(sessionType, participantIds, plan.measures);
  if (measure) throw new ProtectiveMeasureForbidsSession(measure.measureId, measure.kind);
  if (sessionType !== 'supervised-meeting') return;
  if (plan.suspendedBy !== null) throw new SupervisedMeetingsAreSuspended(plan.suspendedBy);
  if (plan.stoppedByDecision !== null) throw new SupervisedMeetingsStoppedByBondDecision(plan.stoppedByDecision);
}

function separationFor(participants: readonly CaseParticipant[], slot: Slot, proposed: readonly ProposedHouseholdWindows[] | undefined, plan: OpenPlan): HouseholdWindows[] {
  const households = householdsOf(participants);
  return proposed ? checkedSeparation(proposed, households, slot.startsAt, slot.endsAt, plan.safety) : computeSeparation(households, slot.startsAt, slot.endsAt, plan.safety);
}

/** Sessions of one case share the building's entrance: a household of one must not be there while the other household of another is. */
function refuseIfHouseholdsWouldMeet(plan: OpenPlan, sessionId: string, separation: readonly HouseholdWindows[]): void {
  for (const other of Object.values(plan.sessions)) {
    if (other.sessionId === sessionId || other.status === 'cancelled' || other.status === 'no-show') continue;
    const meets = separation.some((mine) =>
      other.separation.some((theirs) => {
        if (mine.household === theirs.household) return false;
        const a = presenceOf(mine);
        const b = presenceOf(theirs);
        return intervalsOverlap(a.from, a.to, b.from, b.to);
      }),
    );
    if (meets) throw new HouseholdsWouldMeet(other.sessionId);
  }
}

function storedWindows(windows: readonly HouseholdWindows[]): StoredHouseholdWindows[] {
  return windows.map((w) => ({ household: w.household, arrivesFrom: toUtcIso(w.arrivesFrom), arrivesBy: toUtcIso(w.arrivesBy), leavesFrom: toUtcIso(w.leavesFrom), leavesBy: toUtcIso(w.leavesBy) }));
}

function sameWindows(a: readonly StoredHouseholdWindows[], b: readonly StoredHouseholdWindows[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameAsScheduled(existing: PlannedSession, scheduled: SessionScheduled): boolean {
  return (
    existing.sessionType === scheduled.sessionType &&
    existing.roomId === scheduled.roomId &&
    existing.startsAt === fromUtcIso(scheduled.startsAt) &&
    existing.endsAt === fromUtcIso(scheduled.endsAt) &&
    JSON.stringify(existing.participantIds) === JSON.stringify(scheduled.participantIds) &&
    JSON.stringify(existing.practitionerIds) === JSON.stringify(scheduled.practitionerIds)
  );
}
