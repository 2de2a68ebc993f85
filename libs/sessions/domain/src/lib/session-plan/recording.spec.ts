import { deciderSpecification } from '@lien/shared-decider-testing';
import { AttendanceIncomplete, AttributionInvalid, ChildWordsNotFromAChildOfTheSession, LateMinutesInvalid, ObservationEmpty, ParticipantNotInSession } from './recording.errors';
import { sessionPlanDecider } from './session-plan.decider';
import { SessionAlreadyConcluded, SessionNotStartedYet } from './session-plan.errors';
import { CASE_ID, CHILD, MOTHER, planOpened, scheduled } from './session-plan.spec-fixtures';

const spec = deciderSpecification(sessionPlanDecider);
const DURING = '2026-03-02T09:20:00.000Z';
const attendance = (overrides = {}) => ({ type: 'RecordAttendance' as const, sessionId: 'session-1', participantId: CHILD, status: 'present' as const, issuedAt: DURING, ...overrides });
const present = { type: 'AttendanceRecorded' as const, caseId: CASE_ID, sessionId: 'session-1', participantId: CHILD, status: 'present' as const, lateMinutes: null };
const observation = (overrides = {}) => ({
  type: 'RecordObservation' as const,
  sessionId: 'session-1',
  observationId: 'observation-1',
  aboutParticipantId: CHILD,
  text: "L'enfant dessine une maison, puis la colorie en silence pendant dix minutes.",
  childWords: [{ speakerId: CHILD, words: '  Papa, il crie fort.  ' }],
  issuedAt: DURING,
  ...overrides,
});

describe('recording what happened in a session', () => {
  it('given a session under way, when the child is recorded present, then attendance is recorded', () => {
    spec.given([planOpened(), scheduled()]).when(attendance()).then([present]);
  });

  it('given the child recorded present, when recorded present again, then nothing changes', () => {
    spec.given([planOpened(), scheduled(), present]).when(attendance()).thenNothing();
  });

  it('given the child recorded present, when corrected to late by 12 minutes, then the correction is recorded', () => {
    spec.given([planOpened(), scheduled(), present]).when(attendance({ status: 'late', lateMinutes: 12 })).then([{ ...present, status: 'late', lateMinutes: 12 }]);
  });

  it('given a late arrival, when the minutes are missing or given for a present child, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when(attendance({ status: 'late' })).thenThrows(LateMinutesInvalid);
    spec.given([planOpened(), scheduled()]).when(attendance({ lateMinutes: 5 })).thenThrows(LateMinutesInvalid);
  });

  it('given a session that has not started, when attendance is recorded, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when(attendance({ issuedAt: '2026-03-02T08:30:00.000Z' })).thenThrows(SessionNotStartedYet);
  });

  it('given a child interview, when the mother is recorded, then she is not in the session', () => {
    spec.given([planOpened(), scheduled()]).when(attendance({ participantId: MOTHER })).thenThrows(ParticipantNotInSession);
  });

  it('given an observation, when recorded, then the child\'s words are kept exactly as said', () => {
    spec.given([planOpened(), scheduled()]).when(observation()).then([
      {
        type: 'ObservationRecorded',
        caseId: CASE_ID,
        sessionId: 'session-1',
        observationId: 'observation-1',
        aboutParticipantId: CHILD,
        text: "L'enfant dessine une maison, puis la colorie en silence pendant dix minutes.",
        childWords: [{ speakerId: CHILD, words: '  Papa, il crie fort.  ' }],
      },
    ]);
  });

  it('given an observation recorded, when the same observation comes again, then nothing changes', () => {
    const recorded = { type: 'ObservationRecorded' as const, caseId: CASE_ID, sessionId: 'session-1', observationId: 'observation-1', aboutParticipantId: CHILD, text: 'x', childWords: [] };
    spec.given([planOpened(), scheduled(), recorded]).when(observation()).thenNothing();
  });

  it('given words attributed to a parent, when recorded as the child\'s words, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when(observation({ childWords: [{ speakerId: MOTHER, words: 'Il ment.' }] })).thenThrows(ChildWordsNotFromAChildOfTheSession, (e) => expect(e.field).toBe('childWords[0].speakerId'));
  });

  it('given a blank observation, when recorded, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when(observation({ text: '   ' })).thenThrows(ObservationEmpty);
  });

  it('given every participant\'s attendance, when the session is marked held, then it is held', () => {
    spec.given([planOpened(), scheduled(), present]).when({ type: 'MarkSessionHeld', sessionId: 'session-1', issuedAt: '2026-03-02T10:05:00.000Z' }).then([
      { type: 'SessionHeld', caseId: CASE_ID, sessionId: 'session-1', sessionType: 'child-interview', interrupted: false },
    ]);
  });

  it('given no attendance yet, when the session is marked held, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when({ type: 'MarkSessionHeld', sessionId: 'session-1', issuedAt: DURING }).thenThrows(AttendanceIncomplete);
  });

  it('given a held session, when marked held again, then nothing changes', () => {
    const held = { type: 'SessionHeld' as const, caseId: CASE_ID, sessionId: 'session-1', sessionType: 'child-interview' as const, interrupted: false };
    spec.given([planOpened(), scheduled(), present, held]).when({ type: 'MarkSessionHeld', sessionId: 'session-1', issuedAt: DURING }).thenNothing();
  });

  const noShow = (overrides = {}) => ({ type: 'RecordNoShow' as const, sessionId: 'session-1', attributedTo: 'parent' as const, attributedParticipantId: MOTHER, issuedAt: DURING, ...overrides });
  const noShowRecorded = { type: 'SessionNoShowRecorded' as const, caseId: CASE_ID, sessionId: 'session-1', sessionType: 'child-interview' as const, attributedTo: 'parent' as const, attributedParticipantId: MOTHER };

  it('given a child interview the child never came to, when the no-show is attributed to the mother who did not bring the child, then it is recorded', () => {
    spec.given([planOpened(), scheduled()]).when(noShow()).then([noShowRecorded]);
  });

  it('given a no-show recorded, when recorded again, then nothing changes; and attendance can no longer be recorded', () => {
    spec.given([planOpened(), scheduled(), noShowRecorded]).when(noShow()).thenNothing();
    spec.given([planOpened(), scheduled(), noShowRecorded]).when(attendance()).thenThrows(SessionAlreadyConcluded);
  });

  it('given a no-show of the service, when it names a participant, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when(noShow({ attributedTo: 'service' })).thenThrows(AttributionInvalid);
  });

  it('given a session not started, when a no-show is recorded, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when(noShow({ issuedAt: '2026-03-02T08:00:00.000Z' })).thenThrows(SessionNotStartedYet);
  });
});
