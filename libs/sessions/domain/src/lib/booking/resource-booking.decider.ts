import { Decider, DomainError } from '@lien/shared-kernel';
import { intervalsOverlap } from '../safety/separation-plan';
import { fromUtcIso } from '../time/zoned-instant';

export type ResourceKind = 'room' | 'practitioner';

/**
 * A room or a practitioner on one local day. Reservations go through this stream with an expected
 * revision, so two writers booking the same slot at once cannot both succeed: one gets a conflict,
 * reads again and then sees the other's reservation.
 */
export interface ReserveResource {
  readonly type: 'ReserveResource';
  readonly kind: ResourceKind;
  readonly sessionId: string;
  readonly caseId: string;
  /** ISO-8601 UTC. */
  readonly from: string;
  readonly to: string;
}

export interface ReleaseResource {
  readonly type: 'ReleaseResource';
  readonly sessionId: string;
}

export type ResourceBookingCommand = ReserveResource | ReleaseResource;

export interface ResourceReserved {
  readonly type: 'ResourceReserved';
  readonly sessionId: string;
  readonly caseId: string;
  readonly from: string;
  readonly to: string;
}

export interface ResourceReleased {
  readonly type: 'ResourceReleased';
  readonly sessionId: string;
}

export type ResourceBookingEvent = ResourceReserved | ResourceReleased;

export interface ResourceBookingState {
  readonly reservations: Readonly<Record<string, { readonly caseId: string; readonly from: string; readonly to: string }>>;
}

export class ResourceDoubleBooked extends DomainError {
  readonly code: string;
  readonly kind = 'conflict' as const;
  constructor(readonly resource: ResourceKind) {
    super(`This ${resource} is already booked at an overlapping time`, { field: resource === 'room' ? 'roomId' : 'practitionerIds', resource });
    this.code = resource === 'room' ? 'ROOM_DOUBLE_BOOKED' : 'PRACTITIONER_DOUBLE_BOOKED';
  }
}

function decide(command: ResourceBookingCommand, state: ResourceBookingState): ResourceBookingEvent[] {
  const own = state.reservations[command.sessionId];
  if (command.type === 'ReleaseResource') return own ? [{ type: 'ResourceReleased', sessionId: command.sessionId }] : [];
  if (own && own.from === command.from && own.to === command.to) return [];
  const clash = Object.entries(state.reservations).some(
    ([sessionId, r]) => sessionId !== command.sessionId && intervalsOverlap(fromUtcIso(command.from), fromUtcIso(command.to), fromUtcIso(r.from), fromUtcIso(r.to)),
  );
  if (clash) throw new ResourceDoubleBooked(command.kind);
  // A moved session keeps one reservation: the new slot replaces the old one.
  return [{ type: 'ResourceReserved', sessionId: command.sessionId, caseId: command.caseId, from: command.from, to: command.to }];
}

function evolve(state: ResourceBookingState, event: ResourceBookingEvent): ResourceBookingState {
  if (event.type === 'ResourceReserved') {
    return { reservations: { ...state.reservations, [event.sessionId]: { caseId: event.caseId, from: event.from, to: event.to } } };
  }
  const { [event.sessionId]: _released, ...rest } = state.reservations;
  return { reservations: rest };
}

export const resourceBookingDecider: Decider<ResourceBookingCommand, ResourceBookingEvent, ResourceBookingState> = {
  decide,
  evolve,
  initialState: () => ({ reservations: {} }),
};

/** `booking-<kind>.<district>.<resource>.<local day>`: one stream per resource and day keeps each one short. */
export function resourceBookingStream(kind: ResourceKind, district: string, resourceId: string, day: string): string {
  return `booking-${kind}.${district}.${resourceId}.${day}`;
}
