import { fromUtcIso } from '../time/zoned-instant';
import { AttendanceIncomplete, ChildWordsNotFromAChildOfTheSession, LateMinutesInvalid, ObservationEmpty, ParticipantNotInSession } from './recording.errors';
import { checkedAttribution, refuseIfConcluded, sessionOf } from './session-checks';
import { MarkSessionHeld, RecordAttendance, RecordNoShow, RecordObservation } from './session-plan.commands';
import { SessionNotStartedYet } from './session-plan.errors';
import { SessionPlanEvent } from './session-plan.events';
import { OpenPlan, PlannedSession } from './session-plan.state';

function refuseBeforeStart(session: PlannedSession, issuedAt: string): void {
  if (fromUtcIso(issuedAt) < session.startsAt) throw new SessionNotStartedYet(session.sessionId);
}

export function decideRecordAttendance(command: RecordAttendance, plan: OpenPlan): SessionPlanEvent[] {
  const session = sessionOf(plan, command.sessionId);
  refuseIfConcluded(session);
  refuseBeforeStart(session, command.issuedAt);
  if (!session.participantIds.includes(command.participantId)) throw new ParticipantNotInSession('participantId');
  const late = command.status === 'late';
  const minutes = command.lateMinutes;
  if (late !== (minutes !== undefined) || (late && (!Number.isInteger(minutes) || (minutes as number) < 1 || (minutes as number) > 600))) throw new LateMinutesInvalid();
  const lateMinutes = late ? (minutes as number) : null;
  const recorded = session.attendance[command.participantId];
  if (recorded && recorded.status === command.status && recorded.lateMinutes === lateMinutes) return [];
  return [{ type: 'AttendanceRecorded', caseId: plan.caseId, sessionId: session.sessionId, participantId: command.participantId, status: command.status, lateMinutes }];
}

export function decideRecordNoShow(command: RecordNoShow, plan: OpenPlan): SessionPlanEvent[] {
  const session = sessionOf(plan, command.sessionId);
  if (session.status === 'no-show') return [];
  refuseIfConcluded(session);
  refuseBeforeStart(session, command.issuedAt);
  const attributedParticipantId = checkedAttribution(plan, command.attributedTo, command.attributedParticipantId);
  return [{ type: 'SessionNoShowRecorded', caseId: plan.caseId, sessionId: session.sessionId, sessionType: session.sessionType, attributedTo: command.attributedTo, attributedParticipantId }];
}

/** Observations are written during or after the session, also once it is held; the child's words are kept exactly as said. */
export function decideRecordObservation(command: RecordObservation, plan: OpenPlan): SessionPlanEvent[] {
  const session = sessionOf(plan, command.sessionId);
  if (session.observationIds.includes(command.observationId)) return [];
  refuseIfConcluded(session, ['scheduled', 'held']);
  refuseBeforeStart(session, command.issuedAt);
  if (!session.participantIds.includes(command.aboutParticipantId)) throw new ParticipantNotInSession('aboutParticipantId');
  if (command.text.trim() === '') throw new ObservationEmpty('text');
  command.childWords.forEach((quote, index) => {
    const speaker = plan.participants[quote.speakerId];
    if (!speaker || speaker.role !== 'child' || !session.participantIds.includes(quote.speakerId)) throw new ChildWordsNotFromAChildOfTheSession(`childWords[${index}].speakerId`);
    if (quote.words.trim() === '') throw new ObservationEmpty(`childWords[${index}].words`);
  });
  return [
    {
      type: 'ObservationRecorded',
      caseId: plan.caseId,
      sessionId: session.sessionId,
      observationId: command.observationId,
      aboutParticipantId: command.aboutParticipantId,
      text: command.text,
      childWords: command.childWords.map((quote) => ({ speakerId: quote.speakerId, words: quote.words })),
    },
  ];
}

/** Held means every participant's attendance is on record: the report to the mandant relies on it. */
export function decideMarkSessionHeld(command: MarkSessionHeld, plan: OpenPlan): SessionPlanEvent[] {
  const session = sessionOf(plan, command.sessionId);
  if (session.status === 'held') return [];
  refuseIfConcluded(session);
  refuseBeforeStart(session, command.issuedAt);
  const missing = session.participantIds.filter((id) => !session.attendance[id]).length;
  if (missing > 0) throw new AttendanceIncomplete(missing);
  return [{ type: 'SessionHeld', caseId: plan.caseId, sessionId: session.sessionId, sessionType: session.sessionType, interrupted: session.interrupted }];
}
