/** What is planned (product brief): interviews of the child and of each parent, supervised meetings, network meetings with the mandant. */
export const SESSION_TYPES = ['child-interview', 'parent-interview', 'supervised-meeting', 'network-meeting'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export function isSessionType(value: unknown): value is SessionType {
  return typeof value === 'string' && (SESSION_TYPES as readonly string[]).includes(value);
}

/** One step of the case's path, with the sessions that may be planned while the case is in it. */
export interface ProtocolPhase {
  readonly code: string;
  readonly allowedSessionTypes: readonly SessionType[];
}

/**
 * A district's protocol, read from configuration (`config/protocol-templates/*.json`), never from code:
 * the Kintsugi path is our reading of the model, and districts may adapt it. A case moves to the next
 * phase, or leaves the path straight to the last one (a bond judged not pertinent, a closure).
 */
export interface ProtocolTemplate {
  readonly templateId: string;
  readonly version: number;
  readonly phases: readonly ProtocolPhase[];
}

/** Which household leaves first after a session where both came: the other one waits until it is gone. */
export type DepartureOrder = 'first' | 'last';

/** A district's victim-safety settings, from configuration. */
export interface SafetySettings {
  /** Minutes between the two households' arrivals, and between their departures. */
  readonly staggerMinutes: number;
  readonly protectedHouseholdLeaves: DepartureOrder;
  /** How long the coordinator has to act on the escalation task of a serious incident. */
  readonly escalationDeadlineHours: number;
}
