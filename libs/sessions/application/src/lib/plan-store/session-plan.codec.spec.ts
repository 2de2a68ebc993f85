import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checkpoint, JsonObject, RecordedEvent } from '@lien/shared-event-store';
import { ERASED_VALUE } from '@lien/shared-personal-data';
import { SessionPlanEvent } from '@lien/sessions-domain';
import { sessionPlanCodec, SESSION_PLAN_STORED_TYPES } from './session-plan.codec';

const CASE = '44444444-4444-4444-8444-444444444444';
const CHILD = '11111111-1111-4111-8111-111111111111';
const MOTHER = '22222222-2222-4222-8222-222222222222';
const FATHER = '33333333-3333-4333-8333-333333333333';
const session = { caseId: CASE, sessionId: 'session-1' };
const windows = [{ household: 'protected' as const, arrivesFrom: '2026-03-09T12:45:00.000Z', arrivesBy: '2026-03-09T13:00:00.000Z', leavesFrom: '2026-03-09T14:00:00.000Z', leavesBy: '2026-03-09T14:15:00.000Z' }];

/** One sample per stored type: the golden file is the stored form, personal marks included. */
const samples: { [T in SessionPlanEvent['type']]: Extract<SessionPlanEvent, { type: T }> } = {
  SessionPlanOpened: {
    type: 'SessionPlanOpened',
    caseId: CASE,
    template: { templateId: 'kintsugi-default', version: 1, phases: [{ code: 'evaluation', allowedSessionTypes: ['child-interview'] }] },
    safety: { staggerMinutes: 15, protectedHouseholdLeaves: 'first', escalationDeadlineHours: 24 },
    participants: [
      { participantId: CHILD, role: 'child', household: 'protected' },
      { participantId: MOTHER, role: 'parent', household: 'protected' },
      { participantId: FATHER, role: 'parent', household: 'other' },
    ],
    measures: [{ measureId: 'measure-1', kind: 'no-contact-order', restrictedParticipantId: FATHER, protectedParticipantIds: [MOTHER], supervisedContactAllowed: true }],
    openedFrom: '77777777-7777-4777-8777-777777777777',
  },
  PhaseAdvanced: { type: 'PhaseAdvanced', caseId: CASE, from: 'evaluation', to: 'bond-pertinence-decision' },
  SessionScheduled: { type: 'SessionScheduled', ...session, sessionType: 'child-interview', phase: 'evaluation', participantIds: [CHILD], practitionerIds: ['p-1'], roomId: 'salle-bleue', startsAt: '2026-03-09T13:00:00.000Z', endsAt: '2026-03-09T14:00:00.000Z', separation: windows },
  SessionRescheduled: { type: 'SessionRescheduled', ...session, roomId: 'salle-verte', startsAt: '2026-03-09T13:00:00.000Z', endsAt: '2026-03-09T14:00:00.000Z', separation: windows },
  SessionCancelled: { type: 'SessionCancelled', ...session, sessionType: 'child-interview', attributedTo: 'force-majeure', attributedParticipantId: null, reason: 'requested' },
  SessionNoShowRecorded: { type: 'SessionNoShowRecorded', ...session, sessionType: 'child-interview', attributedTo: 'parent', attributedParticipantId: MOTHER },
  AttendanceRecorded: { type: 'AttendanceRecorded', ...session, participantId: CHILD, status: 'late', lateMinutes: 10 },
  ObservationRecorded: { type: 'ObservationRecorded', ...session, observationId: 'observation-1', aboutParticipantId: CHILD, text: 'Il dessine une maison.', childWords: [{ speakerId: CHILD, words: 'Je veux que papa vienne.' }] },
  SessionHeld: { type: 'SessionHeld', ...session, sessionType: 'child-interview', interrupted: false },
  IncidentReported: { type: 'IncidentReported', ...session, sessionType: 'child-interview', incidentId: 'incident-1', severity: 'serious', interruptedSession: true, informed: ['coordinator'] },
  SupervisedMeetingsSuspended: { type: 'SupervisedMeetingsSuspended', caseId: CASE, incidentId: 'incident-1' },
  EscalationTaskRaised: { type: 'EscalationTaskRaised', caseId: CASE, taskId: 'escalation-incident-1', incidentId: 'incident-1', dueBy: '2026-03-10T09:00:00.000Z' },
  SuspensionLifted: { type: 'SuspensionLifted', caseId: CASE, incidentId: 'incident-1', liftedBy: 'coordinator-1' },
  BondDecisionApplied: { type: 'BondDecisionApplied', caseId: CASE, decisionId: 'decision-1', outcome: 'suspend', stopsSupervisedMeetings: true, supersedesDecisionId: null, signedAt: '2026-03-20T09:00:00.000Z' },
};

function recorded(type: string, data: JsonObject): RecordedEvent {
  return { id: 'e', type, data, metadata: { district: 'luxembourg', correlationId: 'c', causationId: 'c', actor: { userId: 'u', role: 'practitioner' }, occurredAt: '2026-03-02T09:00:00.000Z' }, streamName: `sessionplan-${CASE}`, revision: 0n, position: '1' as Checkpoint, recordedAt: '2026-03-02T09:00:00.000Z', hash: '' };
}

const goldenFile = join(__dirname, 'golden', 'stored-session-plan-events.v1.json');

describe('stored session-plan events', () => {
  const encoded = Object.fromEntries(Object.values(samples).map((event) => [event.type, sessionPlanCodec.encode(event)]));

  it('given one sample of every event, when encoded, then the stored names and data match the golden file', () => {
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(goldenFile)) writeFileSync(goldenFile, `${JSON.stringify(encoded, null, 2)}\n`);
    expect(encoded).toEqual(JSON.parse(readFileSync(goldenFile, 'utf8')));
    expect(Object.values(encoded).map((e) => e.type).sort()).toEqual(Object.values(SESSION_PLAN_STORED_TYPES).sort());
  });

  it('given every sample, when encoded and decoded, then the domain event comes back unchanged', () => {
    for (const event of Object.values(samples)) {
      const { type, data } = sessionPlanCodec.encode(event);
      expect(sessionPlanCodec.decode(recorded(type, data))).toEqual(event);
    }
  });

  it('given an observation, when encoded, then its text is marked as the participant\'s personal data and each quote as its speaker\'s', () => {
    const data = encoded['ObservationRecorded']?.data as JsonObject;
    expect(data['text']).toEqual({ $personal: { subject: CHILD, value: 'Il dessine une maison.' } });
    expect(data['childWords']).toEqual([{ speakerId: CHILD, words: { $personal: { subject: CHILD, value: 'Je veux que papa vienne.' } } }]);
  });

  it('given an observation whose child was erased, when decoded, then the words read as erased', () => {
    const erased = { caseId: CASE, sessionId: 'session-1', observationId: 'o', aboutParticipantId: CHILD, text: { $erased: { subject: CHILD } }, childWords: [{ speakerId: CHILD, words: { $erased: { subject: CHILD } } }] };
    const event = sessionPlanCodec.decode(recorded(SESSION_PLAN_STORED_TYPES.ObservationRecorded, erased));
    expect(event).toMatchObject({ text: ERASED_VALUE, childWords: [{ words: ERASED_VALUE }] });
  });

  it('given stored data missing a field, when decoded, then it is unreadable rather than guessed', () => {
    expect(() => sessionPlanCodec.decode(recorded(SESSION_PLAN_STORED_TYPES.SessionHeld, { caseId: CASE, sessionId: 's' }))).toThrow(/unparseable-data/);
  });
});
