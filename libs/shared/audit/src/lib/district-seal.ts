import { randomUUID } from 'node:crypto';
import { EventStore, RecordedEvent, streamName } from '@lien/shared-event-store';
import { SEAL_CATEGORY, verifyDistrict } from './district-verification';

export const DISTRICT_SEALED = 'audit.DistrictSealed.v1';

export interface Seal {
  readonly district: string;
  readonly root: string;
  readonly eventCount: number;
  readonly upTo: string;
  readonly sealedAt: string;
}

export type SealCheck = { readonly matches: true; readonly seal: Seal } | { readonly matches: false; readonly seal: Seal; readonly rootNow: string };

export function sealStream(district: string): string {
  return streamName(SEAL_CATEGORY, district);
}

/**
 * Seals record the Merkle root of a district's log up to a position, as events of their own stream.
 * A later verification recomputes the root over the same events: any change before the seal shows.
 */
export class DistrictSeals {
  constructor(private readonly store: EventStore) {}

  async seal(district: string, at: Date, actor: { userId: string; role: string }): Promise<Seal> {
    const verification = await verifyDistrict(this.store, district);
    const seal: Seal = { district, root: verification.root, eventCount: verification.eventsChecked, upTo: verification.upTo, sealedAt: at.toISOString() };
    const id = randomUUID();
    await this.store.append(
      sealStream(district),
      [{ type: DISTRICT_SEALED, data: { ...seal }, metadata: { district, correlationId: id, causationId: id, actor, occurredAt: seal.sealedAt } }],
      { expectedRevision: 'any' },
    );
    return seal;
  }

  async list(district: string): Promise<Seal[]> {
    const events = await this.store.readStream(sealStream(district), { district });
    return events.map(toSeal);
  }

  async check(seal: Seal): Promise<SealCheck> {
    const now = await verifyDistrict(this.store, seal.district, { eventCount: seal.eventCount });
    return now.root === seal.root && now.eventsChecked === seal.eventCount ? { matches: true, seal } : { matches: false, seal, rootNow: now.root };
  }
}

function toSeal(event: RecordedEvent): Seal {
  const d = event.data;
  return { district: String(d['district']), root: String(d['root']), eventCount: Number(d['eventCount']), upTo: String(d['upTo']), sealedAt: String(d['sealedAt']) };
}
