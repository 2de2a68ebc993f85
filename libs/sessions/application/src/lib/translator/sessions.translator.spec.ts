import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checkpoint, RecordedEvent } from '@lien/shared-event-store';
import { SessionPlanEvent } from '@lien/sessions-domain';
import { sessionPlanCodec } from '../plan-store/session-plan.codec';
import { translateSessionEvent } from './sessions.translator';

const CASE = '44444444-4444-4444-8444-444444444444';
const SESSION = '55555555-5555-4555-8555-555555555555';
const CHILD = '11111111-1111-4111-8111-111111111111';
const FATHER = '33333333-3333-4333-8333-333333333333';
const base = { caseId: CASE, sessionId: SESSION };

/** Stored as the codec stores them, then translated: the golden files show the contracts exactly as published. */
const samples: Record<string, SessionPlanEvent> = {
  'session-scheduled.v1': {
    type: 'SessionScheduled',
    ...base,
    sessionType: 'supervised-meeting',
    phase: 'supervised-meetings',
    participantIds: [CHILD, FATHER],
    practitionerIds: ['practitioner-1'],
    roomId: 'salle-bleue',
    startsAt: '2026-03-09T13:00:00.000Z',
    endsAt: '2026-03-09T14:00:00.000Z',
    separation: [],
  },
  'session-rescheduled.v1': { type: 'SessionRescheduled', ...base, roomId: 'salle-verte', startsAt: '2026-03-10T13:00:00.000Z', endsAt: '2026-03-10T14:00:00.000Z', separation: [] },
  'session-held.v1': { type: 'SessionHeld', ...base, sessionType: 'supervised-meeting', interrupted: false },
  'session-cancelled.v1': { type: 'SessionCancelled', ...base, sessionType: 'supervised-meeting', attributedTo: 'parent', attributedParticipantId: FATHER, reason: 'requested' },
  'session-no-show.v1': { type: 'SessionNoShowRecorded', ...base, sessionType: 'child-interview', attributedTo: 'child', attributedParticipantId: CHILD },
  'incident-reported.v1': { type: 'IncidentReported', ...base, sessionType: 'supervised-meeting', incidentId: 'incident-1', severity: 'serious', interruptedSession: true, informed: ['coordinator', 'mandant'] },
  'suspension-lifted.v1': { type: 'SuspensionLifted', caseId: CASE, incidentId: 'incident-1', liftedBy: 'coordinator-1' },
};

function stored(event: SessionPlanEvent): RecordedEvent {
  const { type, data } = sessionPlanCodec.encode(event);
  return {
    id: '66666666-6666-4666-8666-666666666666',
    type,
    data,
    metadata: { district: 'luxembourg', correlationId: 'c-1', causationId: 'c-1', actor: { userId: 'practitioner-1', role: 'practitioner' }, occurredAt: '2026-03-02T09:00:00.000Z' },
    streamName: `sessionplan-${CASE}`,
    revision: 3n,
    position: '42' as Checkpoint,
    recordedAt: '2026-03-02T09:00:00.010Z',
    hash: 'ab',
  };
}

const golden = (name: string) => join(__dirname, 'golden', `${name}.json`);

describe('session-lifecycle contracts', () => {
  it.each(Object.keys(samples))('given the %s sample, when translated, then it matches its golden file', (name) => {
    const contract = translateSessionEvent(stored(samples[name] as SessionPlanEvent));
    // Set UPDATE_GOLDEN=1 once to accept a deliberate change; the diff then shows in review.
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(golden(name))) writeFileSync(golden(name), `${JSON.stringify(contract, null, 2)}\n`);
    expect(contract).toEqual(JSON.parse(readFileSync(golden(name), 'utf8')));
  });

  it('given every published contract, when inspected, then it holds primitives only and no person id', () => {
    for (const event of Object.values(samples)) {
      const contract = translateSessionEvent(stored(event));
      for (const value of Object.values(contract?.data ?? {})) expect(['string', 'number', 'boolean'].includes(typeof value) || value === null).toBe(true);
      expect(JSON.stringify(contract)).not.toContain(CHILD);
      expect(JSON.stringify(contract)).not.toContain(FATHER);
    }
  });

  it('given events that stay inside (observations, attendance, plan opening), when translated, then nothing is published', () => {
    const observation: SessionPlanEvent = { type: 'ObservationRecorded', ...base, observationId: 'o-1', aboutParticipantId: CHILD, text: 'Il dessine.', childWords: [{ speakerId: CHILD, words: 'Je veux rentrer.' }] };
    const attendance: SessionPlanEvent = { type: 'AttendanceRecorded', ...base, participantId: CHILD, status: 'present', lateMinutes: null };
    expect(translateSessionEvent(stored(observation))).toBeUndefined();
    expect(translateSessionEvent(stored(attendance))).toBeUndefined();
  });

  it('given contract names, when checked, then each is <service>.<Name>.v<n> as CloudEvents headers require', () => {
    for (const event of Object.values(samples)) expect(translateSessionEvent(stored(event))?.type).toMatch(/^sessions\.[A-Z][A-Za-z]+\.v1$/);
  });
});
