import { SessionType } from '../protocol/protocol-template';
import { EndNotAfterStart, ParticipantNotLinkedToCase, ParticipantsDoNotFitSessionType, SessionAlreadyConcluded, SessionInThePast, SessionNotFound } from './session-plan.errors';
import { AttributionInvalid } from './recording.errors';
import { Attribution, CaseParticipant, Household } from './participants';
import { OpenPlan, PlannedSession } from './session-plan.state';
import { EpochMs, fromUtcIso, parseZonedInstant } from '../time/zoned-instant';

export interface Slot {
  readonly startsAt: EpochMs;
  readonly endsAt: EpochMs;
}

/** Zone first, then order, then the past: each refusal names the one field to fix. */
export function checkedSlot(startsAt: string, endsAt: string, issuedAt: string): Slot {
  const start = parseZonedInstant(startsAt, 'startsAt');
  const end = parseZonedInstant(endsAt, 'endsAt');
  if (end <= start) throw new EndNotAfterStart();
  if (start <= fromUtcIso(issuedAt)) throw new SessionInThePast();
  return { startsAt: start, endsAt: end };
}

export function linkedParticipants(plan: OpenPlan, participantIds: readonly string[]): CaseParticipant[] {
  return participantIds.map((id, index) => {
    const participant = plan.participants[id];
    if (!participant || participantIds.indexOf(id) !== index) throw new ParticipantNotLinkedToCase(`participantIds[${index}]`);
    return participant;
  });
}

/** Who each kind of session brings together (practitioners always, at least one). */
export function checkParticipantsFit(sessionType: SessionType, participants: readonly CaseParticipant[], practitionerIds: readonly string[], plan: OpenPlan): void {
  if (practitionerIds.length === 0) throw new ParticipantsDoNotFitSessionType(sessionType, 'at least one practitioner');
  practitionerIds.forEach((id, index) => {
    if (plan.participants[id]) throw new ParticipantNotLinkedToCase(`practitionerIds[${index}]`);
  });
  const children = participants.filter((p) => p.role === 'child').length;
  const parents = participants.filter((p) => p.role === 'parent').length;
  const fits: Record<SessionType, [boolean, string]> = {
    'child-interview': [children >= 1 && parents === 0, 'at least one child and no parent'],
    'parent-interview': [children === 0 && parents === 1, 'exactly one parent and no child'],
    'supervised-meeting': [children >= 1 && parents === 1, 'at least one child and exactly one parent'],
    'network-meeting': [true, 'practitioners'],
  };
  const [ok, rule] = fits[sessionType];
  if (!ok) throw new ParticipantsDoNotFitSessionType(sessionType, rule);
}

/** The households that come to the building: a child comes with the protected household. */
export function householdsOf(participants: readonly CaseParticipant[]): Household[] {
  const present = new Set(participants.map((p) => p.household));
  return (['protected', 'other'] as const).filter((h) => present.has(h));
}

export function sessionOf(plan: OpenPlan, sessionId: string): PlannedSession {
  const session = plan.sessions[sessionId];
  if (!session) throw new SessionNotFound(sessionId);
  return session;
}

export function refuseIfConcluded(session: PlannedSession, allowed: readonly PlannedSession['status'][] = ['scheduled']): void {
  if (!allowed.includes(session.status)) throw new SessionAlreadyConcluded(session.sessionId, session.status);
}

/**
 * A parent or a child is named when one of them caused it: any participant of the case with that role,
 * since a parent who does not bring the child causes the child's interview to fail.
 */
export function checkedAttribution(plan: OpenPlan, attributedTo: Attribution, participantId: string | undefined): string | null {
  if (attributedTo === 'service' || attributedTo === 'force-majeure') {
    if (participantId !== undefined) throw new AttributionInvalid(`${attributedTo} names no participant`);
    return null;
  }
  if (participantId === undefined) throw new AttributionInvalid(`say which ${attributedTo}`);
  const participant = plan.participants[participantId];
  if (!participant || participant.role !== attributedTo) {
    throw new AttributionInvalid(`the participant named is not a ${attributedTo} of this case`);
  }
  return participantId;
}
