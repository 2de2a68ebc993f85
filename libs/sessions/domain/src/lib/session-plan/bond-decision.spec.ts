import { deciderSpecification } from '@lien/shared-decider-testing';
import { ApplyBondDecision } from './session-plan.commands';
import { sessionPlanDecider } from './session-plan.decider';
import { SupervisedMeetingsAreSuspended, SupervisedMeetingsStoppedByBondDecision } from './session-plan.errors';
import { BondDecisionApplied } from './session-plan.events';
import { CASE_ID, CHILD, FATHER, phaseReached, planOpened, scheduleCommand, scheduled, SUPERVISED_CONTACT_ALLOWED } from './session-plan.spec-fixtures';

const spec = deciderSpecification(sessionPlanDecider);
const SIGNED_AT = '2026-03-05T10:00:00.000Z';
const decision = (overrides: Partial<ApplyBondDecision> = {}): ApplyBondDecision => ({
  type: 'ApplyBondDecision',
  decisionId: 'decision-1',
  outcome: 'suspend',
  stopsSupervisedMeetings: true,
  supersedesDecisionId: null,
  issuedAt: SIGNED_AT,
  ...overrides,
});
const applied = (command: ApplyBondDecision = decision()): BondDecisionApplied => ({
  type: 'BondDecisionApplied',
  caseId: CASE_ID,
  decisionId: command.decisionId,
  outcome: command.outcome,
  stopsSupervisedMeetings: command.stopsSupervisedMeetings,
  supersedesDecisionId: command.supersedesDecisionId,
  signedAt: command.issuedAt,
});
const meetingOn = (sessionId: string, day: string) =>
  scheduleCommand({ sessionId, sessionType: 'supervised-meeting', participantIds: [CHILD, FATHER], roomId: 'salle-jaune', startsAt: `2026-03-${day}T14:00:00+01:00`, endsAt: `2026-03-${day}T15:00:00+01:00` });
const inMeetingsPhase = [planOpened({ measures: [SUPERVISED_CONTACT_ALLOWED] }), phaseReached('supervised-meetings')];
const calledOff = (sessionId: string) => ({ type: 'SessionCancelled' as const, caseId: CASE_ID, sessionId, sessionType: 'supervised-meeting' as const, attributedTo: 'service' as const, attributedParticipantId: null, reason: 'bond-decision' as const });
const continued = decision({ decisionId: 'decision-2', outcome: 'continue', stopsSupervisedMeetings: false, supersedesDecisionId: 'decision-1', issuedAt: '2026-04-01T10:00:00.000Z' });

describe('a co-signed bond decision applied to the supervised meetings of the case', () => {
  it('given supervised meetings planned before and after the signature, when a suspension is applied, then only those after it are called off by the service, for the decision', () => {
    const before = scheduleCommand({ ...meetingOn('meeting-1', '04'), issuedAt: '2026-03-02T07:00:00.000Z' });
    const interview = scheduleCommand({ sessionId: 'interview-1', startsAt: '2026-03-10T10:00:00+01:00', endsAt: '2026-03-10T11:00:00+01:00' });
    spec
      .given([...inMeetingsPhase, scheduled(before, 'supervised-meetings'), scheduled(meetingOn('meeting-2', '12'), 'supervised-meetings'), scheduled(interview, 'supervised-meetings')])
      .when(decision())
      .then([applied(), calledOff('meeting-2')]);
  });

  it('given a suspension applied, when a supervised meeting is planned, then it is refused with the decision named, and an interview is still planned', () => {
    spec.given([...inMeetingsPhase, applied()]).when(meetingOn('meeting-3', '19')).thenThrows(SupervisedMeetingsStoppedByBondDecision);
    spec.given([...inMeetingsPhase, applied()]).when(scheduleCommand({ sessionId: 'interview-2', startsAt: '2026-03-19T10:00:00+01:00', endsAt: '2026-03-19T11:00:00+01:00' })).then([
      scheduled(scheduleCommand({ sessionId: 'interview-2', startsAt: '2026-03-19T10:00:00+01:00', endsAt: '2026-03-19T11:00:00+01:00' }), 'supervised-meetings'),
    ]);
  });

  it('given a suspension applied, when a meeting planned before is moved, then it is refused too', () => {
    const meeting = meetingOn('meeting-1', '04');
    spec
      .given([...inMeetingsPhase, scheduled(meeting, 'supervised-meetings'), applied(decision({ issuedAt: '2026-03-05T10:00:00.000Z' }))])
      .when({ type: 'RescheduleSession', sessionId: 'meeting-1', roomId: 'salle-jaune', startsAt: '2026-03-26T14:00:00+01:00', endsAt: '2026-03-26T15:00:00+01:00', issuedAt: SIGNED_AT })
      .thenThrows(SupervisedMeetingsStoppedByBondDecision);
  });

  it('given a suspension applied, when a later decision to continue replaces it, then the stop is lifted and a supervised meeting is planned again', () => {
    spec.given([...inMeetingsPhase, applied()]).when(continued).then([applied(continued)]);
    spec.given([...inMeetingsPhase, applied(), applied(continued)]).when(meetingOn('meeting-4', '26')).then([scheduled(meetingOn('meeting-4', '26'), 'supervised-meetings')]);
  });

  it('given a suspension replaced by a decision to end the bond, when a meeting is planned, then the end decision is the one named', () => {
    const ended = decision({ decisionId: 'decision-2', outcome: 'end', supersedesDecisionId: 'decision-1' });
    spec.given([...inMeetingsPhase, applied()]).when(ended).then([applied(ended)]);
    spec
      .given([...inMeetingsPhase, applied(), applied(ended)])
      .when(meetingOn('meeting-5', '26'))
      .thenThrows(SupervisedMeetingsStoppedByBondDecision, (error) => expect(error.decisionId).toBe('decision-2'));
  });

  it('given the decision already applied, when its contract is delivered again, then nothing changes', () => {
    spec.given([...inMeetingsPhase, applied()]).when(decision()).thenNothing();
  });

  it('given the suspension already replaced by a decision to continue, when the suspension arrives late (a dead letter replayed), then it stops nothing', () => {
    spec.given([...inMeetingsPhase, applied(continued)]).when(decision()).thenNothing();
  });

  it('given no stop, when a decision to continue is applied, then it is recorded and plans stay open', () => {
    const first = decision({ outcome: 'continue', stopsSupervisedMeetings: false });
    spec.given(inMeetingsPhase).when(first).then([applied(first)]);
  });

  it('given a stop by a decision and a suspension after an incident, when the coordinator lifts the incident suspension, then meetings stay stopped by the decision', () => {
    const history = [...inMeetingsPhase, applied(), { type: 'SupervisedMeetingsSuspended' as const, caseId: CASE_ID, incidentId: 'incident-1' }];
    spec.given(history).when(meetingOn('meeting-6', '26')).thenThrows(SupervisedMeetingsAreSuspended);
    spec.given([...history, { type: 'SuspensionLifted', caseId: CASE_ID, incidentId: 'incident-1', liftedBy: 'coordinator-1' }]).when(meetingOn('meeting-6', '26')).thenThrows(SupervisedMeetingsStoppedByBondDecision);
  });
});
