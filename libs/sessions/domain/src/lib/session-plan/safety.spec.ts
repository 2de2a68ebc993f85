import { deciderSpecification } from '@lien/shared-decider-testing';
import { OnlyCoordinatorMayLiftSuspension } from './recording.errors';
import { sessionPlanDecider } from './session-plan.decider';
import { SessionNotStartedYet } from './session-plan.errors';
import { CASE_ID, CHILD, FATHER, phaseReached, planOpened, scheduleCommand, scheduled, SUPERVISED_CONTACT_ALLOWED } from './session-plan.spec-fixtures';

const spec = deciderSpecification(sessionPlanDecider);
const DURING = '2026-03-02T09:20:00.000Z';
const report = (overrides = {}) => ({
  type: 'ReportIncident' as const,
  sessionId: 'session-1',
  incidentId: 'incident-1',
  severity: 'serious' as const,
  interruptedSession: true,
  informed: ['coordinator' as const, 'mandant' as const],
  escalationTaskId: 'task-1',
  issuedAt: DURING,
  ...overrides,
});
const reported = { type: 'IncidentReported' as const, caseId: CASE_ID, sessionId: 'session-1', sessionType: 'child-interview' as const, incidentId: 'incident-1', severity: 'serious' as const, interruptedSession: true, informed: ['coordinator' as const, 'mandant' as const] };
const suspended = { type: 'SupervisedMeetingsSuspended' as const, caseId: CASE_ID, incidentId: 'incident-1' };
const task = { type: 'EscalationTaskRaised' as const, caseId: CASE_ID, taskId: 'task-1', incidentId: 'incident-1', dueBy: '2026-03-03T09:20:00.000Z' };
const coordinator = { userId: 'coordinator-1', role: 'coordinator' };
const lift = (liftedBy = coordinator) => ({ type: 'LiftSuspension' as const, liftedBy, issuedAt: '2026-03-04T08:00:00.000Z' });
const meeting = scheduleCommand({ sessionId: 'meeting-1', sessionType: 'supervised-meeting', participantIds: [CHILD, FATHER], startsAt: '2026-03-09T14:00:00+01:00', endsAt: '2026-03-09T15:00:00+01:00' });

describe('safety incidents and the suspension of supervised meetings', () => {
  it('given an interview under way, when a minor incident is reported, then it is recorded without suspension or escalation', () => {
    spec.given([planOpened(), scheduled()]).when(report({ severity: 'minor', interruptedSession: false })).then([{ ...reported, severity: 'minor', interruptedSession: false }]);
  });

  it('given an interview under way, when a serious incident interrupts it, then supervised meetings are suspended and an escalation task is due within the district deadline', () => {
    spec.given([planOpened(), scheduled()]).when(report()).then([reported, suspended, task]);
  });

  it('given a supervised meeting planned next week, when a serious incident happens today, then the meeting is called off by the service', () => {
    const history = [planOpened({ measures: [SUPERVISED_CONTACT_ALLOWED] }), phaseReached('supervised-meetings'), scheduled(), scheduled(meeting, 'supervised-meetings')];
    spec.given(history).when(report()).then([
      reported,
      suspended,
      { type: 'SessionCancelled', caseId: CASE_ID, sessionId: 'meeting-1', sessionType: 'supervised-meeting', attributedTo: 'service', attributedParticipantId: null, reason: 'safety-suspension' },
      task,
    ]);
  });

  it('given the incident already reported, when it is reported again, then nothing changes', () => {
    spec.given([planOpened(), scheduled(), reported, suspended, task]).when(report()).thenNothing();
  });

  it('given a suspension in force, when a second serious incident happens, then it raises its own escalation task without a second suspension', () => {
    const second = report({ incidentId: 'incident-2', escalationTaskId: 'task-2' });
    spec.given([planOpened(), scheduled(), reported, suspended, task]).when(second).then([
      { ...reported, incidentId: 'incident-2' },
      { ...task, taskId: 'task-2', incidentId: 'incident-2' },
    ]);
  });

  it('given a session whose households have not arrived yet, when an incident is reported, then it is refused', () => {
    spec.given([planOpened(), scheduled()]).when(report({ issuedAt: '2026-03-02T08:00:00.000Z' })).thenThrows(SessionNotStartedYet);
  });

  it('given a session in its arrival window, when an incident happens in the waiting room, then it is recorded', () => {
    spec.given([planOpened(), scheduled()]).when(report({ severity: 'moderate', interruptedSession: false, issuedAt: '2026-03-02T08:50:00.000Z' })).then([
      { ...reported, severity: 'moderate', interruptedSession: false },
    ]);
  });

  it('given an interrupted session, when it is marked held, then it is held as interrupted', () => {
    const present = { type: 'AttendanceRecorded' as const, caseId: CASE_ID, sessionId: 'session-1', participantId: CHILD, status: 'present' as const, lateMinutes: null };
    spec.given([planOpened(), scheduled(), present, reported]).when({ type: 'MarkSessionHeld', sessionId: 'session-1', issuedAt: DURING }).then([
      { type: 'SessionHeld', caseId: CASE_ID, sessionId: 'session-1', sessionType: 'child-interview', interrupted: true },
    ]);
  });

  it('given a suspension, when a coordinator lifts it, then it is lifted', () => {
    spec.given([planOpened(), scheduled(), reported, suspended, task]).when(lift()).then([{ type: 'SuspensionLifted', caseId: CASE_ID, incidentId: 'incident-1', liftedBy: 'coordinator-1' }]);
  });

  it('given a suspension, when a practitioner tries to lift it, then it is refused', () => {
    spec.given([planOpened(), scheduled(), reported, suspended, task]).when(lift({ userId: 'practitioner-1', role: 'practitioner' })).thenThrows(OnlyCoordinatorMayLiftSuspension);
  });

  it('given no suspension, when a coordinator lifts it, then nothing changes', () => {
    spec.given([planOpened(), scheduled()]).when(lift()).thenNothing();
  });
});
