import { deciderSpecification } from '@lien/shared-decider-testing';
import { HouseholdsWouldMeet } from '../safety/separation.errors';
import { AttributionInvalid } from './recording.errors';
import { sessionPlanDecider } from './session-plan.decider';
import { SessionAlreadyConcluded, SessionInThePast, SessionNotFound } from './session-plan.errors';
import { CASE_ID, CHILD, FATHER, MOTHER, NOW, planOpened, scheduleCommand, scheduled } from './session-plan.spec-fixtures';

const spec = deciderSpecification(sessionPlanDecider);
const reschedule = (overrides = {}) => ({ type: 'RescheduleSession' as const, sessionId: 'session-1', roomId: 'salle-verte', startsAt: '2026-03-03T10:00:00+01:00', endsAt: '2026-03-03T11:00:00+01:00', issuedAt: NOW, ...overrides });
const cancel = (overrides = {}) => ({ type: 'CancelSession' as const, sessionId: 'session-1', attributedTo: 'parent' as const, attributedParticipantId: MOTHER, issuedAt: NOW, ...overrides });
const cancelled = { type: 'SessionCancelled' as const, caseId: CASE_ID, sessionId: 'session-1', sessionType: 'child-interview' as const, attributedTo: 'parent' as const, attributedParticipantId: MOTHER, reason: 'requested' as const };

describe('rescheduling and cancelling a session', () => {
  it('given a scheduled interview, when moved to the next day and another room, then it is rescheduled with new windows', () => {
    const moved = scheduled(scheduleCommand({ roomId: 'salle-verte', startsAt: '2026-03-03T10:00:00+01:00', endsAt: '2026-03-03T11:00:00+01:00' }));
    spec.given([planOpened(), scheduled()]).when(reschedule()).then([
      { type: 'SessionRescheduled', caseId: CASE_ID, sessionId: 'session-1', roomId: 'salle-verte', startsAt: moved.startsAt, endsAt: moved.endsAt, separation: moved.separation },
    ]);
  });

  it('given a scheduled interview, when "moved" to the same slot and room, then nothing changes', () => {
    spec.given([planOpened(), scheduled()]).when(reschedule({ roomId: 'salle-bleue', startsAt: '2026-03-02T10:00:00+01:00', endsAt: '2026-03-02T11:00:00+01:00' })).thenNothing();
  });

  it('given a scheduled interview, when moved into the past, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when(reschedule({ startsAt: '2026-03-01T10:00:00+01:00', endsAt: '2026-03-01T11:00:00+01:00' })).thenThrows(SessionInThePast);
  });

  it('given the father interviewed at 14:00, when the child interview is moved to end at 14:00, then the households would meet and it is refused', () => {
    const father = scheduleCommand({ sessionId: 'session-2', sessionType: 'parent-interview', participantIds: [FATHER], startsAt: '2026-03-03T14:00:00+01:00', endsAt: '2026-03-03T15:00:00+01:00' });
    spec.given([planOpened(), scheduled(), scheduled(father)]).when(reschedule({ startsAt: '2026-03-03T13:00:00+01:00', endsAt: '2026-03-03T14:00:00+01:00' })).thenThrows(HouseholdsWouldMeet);
  });

  it('given a cancelled session, when moved, then it is refused as concluded', () => {
    spec.given([planOpened(), scheduled(), cancelled]).when(reschedule()).thenThrows(SessionAlreadyConcluded);
  });

  it('given an unknown session, when moved, then it is not found', () => {
    spec.given([planOpened()]).when(reschedule()).thenThrows(SessionNotFound);
  });

  it('given a scheduled session, when the mother cancels it, then the cancellation is attributed to her', () => {
    spec.given([planOpened(), scheduled()]).when(cancel()).then([cancelled]);
  });

  it('given a cancelled session, when cancelled again, then nothing changes', () => {
    spec.given([planOpened(), scheduled(), cancelled]).when(cancel()).thenNothing();
  });

  it('given a cancellation by the service, when it names a participant, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when(cancel({ attributedTo: 'service' })).thenThrows(AttributionInvalid);
  });

  it('given a cancellation attributed to "the child", when it names a parent, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when(cancel({ attributedTo: 'child', attributedParticipantId: FATHER })).thenThrows(AttributionInvalid);
    spec.given([planOpened(), scheduled()]).when(cancel({ attributedTo: 'child', attributedParticipantId: CHILD })).then([{ ...cancelled, attributedTo: 'child', attributedParticipantId: CHILD }]);
  });

  it('given a force majeure, when cancelled, then it names nobody', () => {
    spec.given([planOpened(), scheduled()]).when(cancel({ attributedTo: 'force-majeure', attributedParticipantId: undefined })).then([{ ...cancelled, attributedTo: 'force-majeure', attributedParticipantId: null }]);
  });

  it('given a held session, when cancelled, then it is refused', () => {
    const held = { type: 'SessionHeld' as const, caseId: CASE_ID, sessionId: 'session-1', sessionType: 'child-interview' as const, interrupted: false };
    spec.given([planOpened(), scheduled(), held]).when(cancel()).thenThrows(SessionAlreadyConcluded);
  });
});
