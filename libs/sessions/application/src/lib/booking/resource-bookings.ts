import { EventStore } from '@lien/shared-event-store';
import { CommandHandler } from '@lien/shared-event-sourcing';
import {
  districtLocalDaysOf, fromUtcIso, ResourceBookingCommand, resourceBookingDecider, ResourceBookingEvent, ResourceBookingState, resourceBookingStream, ResourceKind,
} from '@lien/sessions-domain';
import { CommandContext, metadataOf } from '../plan-store/command-context';
import { resourceBookingCodec } from '../plan-store/resource-booking.codec';

/** Where and with whom a session takes place: what must not be double-booked. */
export interface BookedSlot {
  readonly sessionId: string;
  readonly caseId: string;
  readonly roomId: string;
  readonly practitionerIds: readonly string[];
  /** ISO-8601 UTC. */
  readonly startsAt: string;
  readonly endsAt: string;
}

interface BookedResource {
  readonly kind: ResourceKind;
  readonly stream: string;
}

export type Undo = () => Promise<void>;

/**
 * Reservations in per-resource, per-day streams, each appended at the revision read. Two sessions
 * racing for one room both decide on the same revision; the store lets one append, the other reads
 * again, sees the reservation and is refused. No read-then-write window is left open.
 */
export class ResourceBookings {
  private readonly handler: CommandHandler<ResourceBookingCommand, ResourceBookingEvent, ResourceBookingState>;

  constructor(store: EventStore) {
    // Deciding again on newer state is always right here: it re-checks the overlap against whoever won.
    this.handler = new CommandHandler(store, { decider: resourceBookingDecider, codec: resourceBookingCodec, maxRetries: 5 });
  }

  /** Reserves every resource of the slot; if one is taken, releases those already reserved and rethrows. */
  async reserve(slot: BookedSlot, context: CommandContext): Promise<Undo> {
    const reserved: BookedResource[] = [];
    try {
      for (const resource of this.resourcesOf(slot, context.district)) {
        await this.send(resource.stream, { type: 'ReserveResource', kind: resource.kind, sessionId: slot.sessionId, caseId: slot.caseId, from: slot.startsAt, to: slot.endsAt }, context);
        reserved.push(resource);
      }
    } catch (error) {
      await this.releaseStreams(reserved, slot.sessionId, context);
      throw error;
    }
    return () => this.releaseStreams(reserved, slot.sessionId, context);
  }

  /**
   * Moves a session: reserves the new slot (replacing the old one in streams both share), and returns
   * how to undo that if the plan refuses the move. The old-only streams are released by `settleMove`.
   */
  async move(previous: BookedSlot, next: BookedSlot, context: CommandContext): Promise<Undo> {
    const before = new Set(this.resourcesOf(previous, context.district).map((r) => r.stream));
    await this.reserve(next, context);
    return async () => {
      const added = this.resourcesOf(next, context.district).filter((r) => !before.has(r.stream));
      await this.releaseStreams(added, next.sessionId, context);
      await this.reserve(previous, context);
    };
  }

  async settleMove(previous: BookedSlot, next: BookedSlot, context: CommandContext): Promise<void> {
    const kept = new Set(this.resourcesOf(next, context.district).map((r) => r.stream));
    await this.releaseStreams(this.resourcesOf(previous, context.district).filter((r) => !kept.has(r.stream)), previous.sessionId, context);
  }

  /** Idempotent: releasing what is not reserved changes nothing. */
  release(slot: BookedSlot, context: CommandContext): Promise<void> {
    return this.releaseStreams(this.resourcesOf(slot, context.district), slot.sessionId, context);
  }

  private async releaseStreams(resources: readonly BookedResource[], sessionId: string, context: CommandContext): Promise<void> {
    for (const resource of resources) await this.send(resource.stream, { type: 'ReleaseResource', sessionId }, context);
  }

  private async send(stream: string, command: ResourceBookingCommand, context: CommandContext): Promise<void> {
    await this.handler.handle(stream, command, { metadata: metadataOf(context) });
  }

  /** Sorted, so two writers take the streams in the same order. */
  private resourcesOf(slot: BookedSlot, district: string): BookedResource[] {
    const days = districtLocalDaysOf(fromUtcIso(slot.startsAt), fromUtcIso(slot.endsAt));
    const resources: BookedResource[] = days.flatMap((day) => [
      { kind: 'room' as const, stream: resourceBookingStream('room', district, slot.roomId, day) },
      ...slot.practitionerIds.map((id) => ({ kind: 'practitioner' as const, stream: resourceBookingStream('practitioner', district, id, day) })),
    ]);
    return resources.sort((a, b) => a.stream.localeCompare(b.stream));
  }
}
