import { ProtocolTemplate, SafetySettings } from '../protocol/protocol-template';
import { computeSeparation } from '../safety/separation-plan';
import { parseZonedInstant, toUtcIso } from '../time/zoned-instant';
import { CaseParticipant, Household, ProtectiveMeasure } from './participants';
import { ScheduleSession } from './session-plan.commands';
import { SessionPlanOpened, SessionScheduled } from './session-plan.events';

export const CASE_ID = 'c0ffee00-0000-4000-8000-000000000001';
export const CHILD = 'child-1';
export const MOTHER = 'parent-protected';
export const FATHER = 'parent-restricted';
export const PRACTITIONER = 'practitioner-1';
/** The morning the commands are issued, well before the sessions planned. */
export const NOW = '2026-03-02T07:00:00.000Z';

export const TEMPLATE: ProtocolTemplate = {
  templateId: 'kintsugi-default',
  version: 1,
  phases: [
    { code: 'evaluation', allowedSessionTypes: ['child-interview', 'parent-interview', 'network-meeting'] },
    { code: 'bond-pertinence-decision', allowedSessionTypes: ['network-meeting'] },
    { code: 'preparation', allowedSessionTypes: ['child-interview', 'parent-interview', 'network-meeting'] },
    { code: 'supervised-meetings', allowedSessionTypes: ['supervised-meeting', 'child-interview', 'parent-interview', 'network-meeting'] },
    { code: 'consolidation', allowedSessionTypes: ['supervised-meeting', 'child-interview', 'parent-interview', 'network-meeting'] },
    { code: 'closure', allowedSessionTypes: ['network-meeting'] },
  ],
};

export const SAFETY: SafetySettings = { staggerMinutes: 15, protectedHouseholdLeaves: 'first', escalationDeadlineHours: 24 };

export const PARTICIPANTS: CaseParticipant[] = [
  { participantId: CHILD, role: 'child', household: 'protected' },
  { participantId: MOTHER, role: 'parent', household: 'protected' },
  { participantId: FATHER, role: 'parent', household: 'other' },
];

export const NO_CONTACT: ProtectiveMeasure = { measureId: 'measure-1', kind: 'no-contact-order', restrictedParticipantId: FATHER, protectedParticipantIds: [MOTHER, CHILD], supervisedContactAllowed: false };

export function planOpened(overrides: Partial<SessionPlanOpened> = {}): SessionPlanOpened {
  return { type: 'SessionPlanOpened', caseId: CASE_ID, template: TEMPLATE, safety: SAFETY, participants: PARTICIPANTS, measures: [NO_CONTACT], openedFrom: 'event-1', ...overrides };
}

export function phaseReached(to: string, from = 'preparation') {
  return { type: 'PhaseAdvanced' as const, caseId: CASE_ID, from, to };
}

const householdOf: Record<string, Household> = { [CHILD]: 'protected', [MOTHER]: 'protected', [FATHER]: 'other' };

export function scheduleCommand(overrides: Partial<ScheduleSession> = {}): ScheduleSession {
  return {
    type: 'ScheduleSession',
    sessionId: 'session-1',
    sessionType: 'child-interview',
    participantIds: [CHILD],
    practitionerIds: [PRACTITIONER],
    roomId: 'salle-bleue',
    startsAt: '2026-03-02T10:00:00+01:00',
    endsAt: '2026-03-02T11:00:00+01:00',
    issuedAt: NOW,
    ...overrides,
  };
}

/** The event the command above produces, with the windows the district setting computes. */
export function scheduled(command: ScheduleSession = scheduleCommand(), phase = 'evaluation'): SessionScheduled {
  const start = parseZonedInstant(command.startsAt, 'startsAt');
  const end = parseZonedInstant(command.endsAt, 'endsAt');
  const households = (['protected', 'other'] as const).filter((h) => command.participantIds.some((id) => householdOf[id] === h));
  return {
    type: 'SessionScheduled',
    caseId: CASE_ID,
    sessionId: command.sessionId,
    sessionType: command.sessionType,
    phase,
    participantIds: command.participantIds,
    practitionerIds: command.practitionerIds,
    roomId: command.roomId,
    startsAt: toUtcIso(start),
    endsAt: toUtcIso(end),
    separation: computeSeparation(households, start, end, SAFETY).map((w) => ({
      household: w.household,
      arrivesFrom: toUtcIso(w.arrivesFrom),
      arrivesBy: toUtcIso(w.arrivesBy),
      leavesFrom: toUtcIso(w.leavesFrom),
      leavesBy: toUtcIso(w.leavesBy),
    })),
  };
}

/** A supervised meeting where the mandate allows supervised contact with the father. */
export const SUPERVISED_CONTACT_ALLOWED: ProtectiveMeasure = { ...NO_CONTACT, protectedParticipantIds: [MOTHER], supervisedContactAllowed: true };
