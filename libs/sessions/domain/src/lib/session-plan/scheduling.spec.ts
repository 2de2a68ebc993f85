import { deciderSpecification } from '@lien/shared-decider-testing';
import { ProtectiveMeasureForbidsSession } from '../safety/protective-measures';
import { HouseholdsWouldMeet, HouseholdWindowsOverlap } from '../safety/separation.errors';
import { TimeZoneMissing } from '../time/time.errors';
import { sessionPlanDecider } from './session-plan.decider';
import {
  EndNotAfterStart, ParticipantNotLinkedToCase, ParticipantsDoNotFitSessionType, SessionIdAlreadyUsed, SessionInThePast, SessionPlanNotOpened,
  SessionTypeNotAllowedInPhase, SupervisedMeetingsAreSuspended,
} from './session-plan.errors';
import { CASE_ID, CHILD, FATHER, MOTHER, NOW, phaseReached, planOpened, scheduleCommand, scheduled, SUPERVISED_CONTACT_ALLOWED } from './session-plan.spec-fixtures';

const spec = deciderSpecification(sessionPlanDecider);
const supervised = scheduleCommand({ sessionId: 'meeting-1', sessionType: 'supervised-meeting', participantIds: [CHILD, FATHER], startsAt: '2026-03-09T14:00:00+01:00', endsAt: '2026-03-09T15:00:00+01:00' });
const inSupervisedPhase = [planOpened({ measures: [SUPERVISED_CONTACT_ALLOWED] }), phaseReached('supervised-meetings')];

describe('scheduling a session', () => {
  it('given an open plan, when a child interview is scheduled, then it is scheduled in UTC with the protected household windows computed', () => {
    spec.given([planOpened()]).when(scheduleCommand()).then([scheduled()]);
    expect(scheduled().separation).toEqual([{ household: 'protected', arrivesFrom: '2026-03-02T08:45:00.000Z', arrivesBy: '2026-03-02T09:00:00.000Z', leavesFrom: '2026-03-02T10:00:00.000Z', leavesBy: '2026-03-02T10:15:00.000Z' }]);
  });

  it('given supervised contact allowed and the supervised-meetings phase, when a meeting of the child and the father is scheduled, then both households are staggered', () => {
    const event = scheduled(supervised, 'supervised-meetings');
    spec.given(inSupervisedPhase).when(supervised).then([event]);
    expect(event.separation.map((w) => [w.household, w.arrivesFrom, w.leavesBy])).toEqual([
      ['protected', '2026-03-09T12:45:00.000Z', '2026-03-09T14:15:00.000Z'],
      ['other', '2026-03-09T12:30:00.000Z', '2026-03-09T14:30:00.000Z'],
    ]);
  });

  it('given a child interview until 11:00, when the father is interviewed from 11:30, then the households never overlap and it is scheduled', () => {
    const father = scheduleCommand({ sessionId: 'session-2', sessionType: 'parent-interview', participantIds: [FATHER], startsAt: '2026-03-02T11:30:00+01:00', endsAt: '2026-03-02T12:30:00+01:00' });
    spec.given([planOpened(), scheduled()]).when(father).then([scheduled(father)]);
  });

  it('given a child interview until 11:00, when the father is interviewed from 11:00, then it is refused: his arrival meets the protected household leaving', () => {
    const father = scheduleCommand({ sessionId: 'session-2', sessionType: 'parent-interview', participantIds: [FATHER], startsAt: '2026-03-02T11:00:00+01:00', endsAt: '2026-03-02T12:00:00+01:00' });
    spec.given([planOpened(), scheduled()]).when(father).thenThrows(HouseholdsWouldMeet, (e) => expect(e.otherSessionId).toBe('session-1'));
  });

  it('given the same session already scheduled, when the same command comes again, then nothing changes', () => {
    spec.given([planOpened(), scheduled()]).when(scheduleCommand()).thenNothing();
  });

  it('given a session id in use, when it comes with another time, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when(scheduleCommand({ startsAt: '2026-03-02T13:00:00+01:00', endsAt: '2026-03-02T14:00:00+01:00' })).thenThrows(SessionIdAlreadyUsed);
  });

  it('given a start without time zone, when scheduled, then it is refused naming startsAt', () => {
    spec.given([planOpened()]).when(scheduleCommand({ startsAt: '2026-03-02T10:00:00' })).thenThrows(TimeZoneMissing, (e) => expect(e.details['field']).toBe('startsAt'));
  });

  it('given a start before the time of the command, when scheduled, then it is refused as in the past', () => {
    spec.given([planOpened()]).when(scheduleCommand({ startsAt: '2026-03-02T07:30:00+01:00', endsAt: '2026-03-02T09:00:00+01:00' })).thenThrows(SessionInThePast);
    spec.given([planOpened()]).when(scheduleCommand({ issuedAt: '2026-03-02T09:30:00.000Z' })).thenThrows(SessionInThePast);
  });

  it('given an end before the start, when scheduled, then it is refused naming endsAt', () => {
    spec.given([planOpened()]).when(scheduleCommand({ endsAt: '2026-03-02T09:00:00+01:00' })).thenThrows(EndNotAfterStart, (e) => expect(e.details['field']).toBe('endsAt'));
  });

  it('given a participant of another case, when scheduled, then it is refused naming its position', () => {
    spec.given([planOpened()]).when(scheduleCommand({ participantIds: [CHILD, 'child-of-another-case'] })).thenThrows(ParticipantNotLinkedToCase, (e) => expect(e.field).toBe('participantIds[1]'));
  });

  it('given a child interview, when a parent is in it, then it is refused as not fitting the session type', () => {
    spec.given([planOpened()]).when(scheduleCommand({ participantIds: [CHILD, MOTHER] })).thenThrows(ParticipantsDoNotFitSessionType);
  });

  it('given a no-contact order without supervised contact, when a supervised meeting with the father is scheduled, then the measure refuses it', () => {
    spec.given([planOpened(), phaseReached('supervised-meetings')]).when(supervised).thenThrows(ProtectiveMeasureForbidsSession, (e) => expect(e.measureId).toBe('measure-1'));
  });

  it('given a no-contact order that allows supervised contact, when the father joins a network meeting with the mother, then it is refused', () => {
    const network = scheduleCommand({ sessionType: 'network-meeting', participantIds: [MOTHER, FATHER] });
    spec.given(inSupervisedPhase).when(network).thenThrows(ProtectiveMeasureForbidsSession);
  });

  it('given the evaluation phase, when a supervised meeting is scheduled, then the protocol refuses it', () => {
    spec.given([planOpened({ measures: [SUPERVISED_CONTACT_ALLOWED] })]).when(supervised).thenThrows(SessionTypeNotAllowedInPhase);
  });

  it('given supervised meetings suspended, when one is scheduled, then it is refused until the suspension is lifted', () => {
    const suspended = { type: 'SupervisedMeetingsSuspended' as const, caseId: CASE_ID, incidentId: 'incident-1' };
    spec.given([...inSupervisedPhase, suspended]).when(supervised).thenThrows(SupervisedMeetingsAreSuspended);
    const lifted = { type: 'SuspensionLifted' as const, caseId: CASE_ID, incidentId: 'incident-1', liftedBy: 'coordinator-1' };
    spec.given([...inSupervisedPhase, suspended, lifted]).when(supervised).then([scheduled(supervised, 'supervised-meetings')]);
  });

  it('given proposed windows that overlap, when scheduled, then they are refused and nothing is scheduled', () => {
    const separation = [
      { household: 'protected' as const, arrivesFrom: '2026-03-09T13:40:00+01:00', arrivesBy: '2026-03-09T14:00:00+01:00', leavesFrom: '2026-03-09T15:00:00+01:00', leavesBy: '2026-03-09T15:15:00+01:00' },
      { household: 'other' as const, arrivesFrom: '2026-03-09T13:30:00+01:00', arrivesBy: '2026-03-09T13:45:00+01:00', leavesFrom: '2026-03-09T15:20:00+01:00', leavesBy: '2026-03-09T15:40:00+01:00' },
    ];
    spec.given(inSupervisedPhase).when({ ...supervised, separation }).thenThrows(HouseholdWindowsOverlap, (e) => expect(e.field).toBe('separation[1].arrivesFrom'));
  });

  it('given no plan for the case, when a session is scheduled, then it is refused', () => {
    spec.given([]).when(scheduleCommand()).thenThrows(SessionPlanNotOpened);
  });

  it('given the command time, when it equals the start, then the session counts as in the past', () => {
    spec.given([planOpened()]).when(scheduleCommand({ issuedAt: '2026-03-02T09:00:00.000Z' })).thenThrows(SessionInThePast);
    expect(NOW < '2026-03-02T09:00:00.000Z').toBe(true);
  });
});
