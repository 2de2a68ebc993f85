import { DistrictSeals, inclusionProof, leafHash, Seal, SEAL_CATEGORY, verifyDistrict } from '@lien/shared-audit';
import { START, streamCategory } from '@lien/shared-event-store';
import { AuditedStore } from '../audit-context';
import { CliError, ExitCode } from '../exit-codes';

export interface StoreVerification {
  readonly service: string;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  readonly root: string;
  /** The first break of each broken stream, in log order. */
  readonly breaks: readonly { readonly streamName: string; readonly revision: number; readonly reason: string }[];
}

export interface DistrictVerificationReport {
  readonly district: string;
  readonly intact: boolean;
  readonly eventsChecked: number;
  readonly stores: readonly StoreVerification[];
}

export interface VerificationProgress {
  update(done: number): void;
  finish(): void;
}

/** Recomputes every hash chain of the district, store by store. No event at all: exit 4 / 404 UNKNOWN_DISTRICT. */
export async function verifyDistrictStores(stores: readonly AuditedStore[], district: string, progress?: (service: string) => VerificationProgress): Promise<DistrictVerificationReport> {
  const results: StoreVerification[] = [];
  for (const { service, raw } of stores) {
    const bar = progress?.(service);
    try {
      const result = await verifyDistrict(raw, district, { onProgress: (done) => bar?.update(done) });
      results.push({ service, eventsChecked: result.eventsChecked, streamsChecked: result.streamsChecked, root: result.root, breaks: result.breaks.map((b) => ({ streamName: b.streamName, revision: Number(b.revision), reason: b.reason })) });
    } finally {
      bar?.finish();
    }
  }
  const eventsChecked = results.reduce((sum, r) => sum + r.eventsChecked, 0);
  if (eventsChecked === 0) throw new CliError(`no events for district ${district}`, ExitCode.unknownDistrict, 'UNKNOWN_DISTRICT');
  return { district, intact: results.every((r) => r.breaks.length === 0), eventsChecked, stores: results };
}

export interface StoreSeal extends Seal {
  readonly service: string;
}

/** Seals each store's part of the district now: a Merkle root over its events, as an event of its seal stream. */
export async function sealDistrictStores(stores: readonly AuditedStore[], district: string, actor: { readonly userId: string; readonly role: string }): Promise<StoreSeal[]> {
  const seals: StoreSeal[] = [];
  for (const { service, raw } of stores) seals.push({ service, ...(await new DistrictSeals(raw).seal(district, new Date(), actor)) });
  return seals;
}

export interface CheckedSeal extends StoreSeal {
  /** Present when checked: whether the root recomputed now over the same events still matches. */
  readonly matches?: boolean;
  readonly rootNow?: string;
}

/** The district's seals, store by store, oldest first; with `check`, each recomputed (a mismatch proves a change before it). */
export async function listDistrictSeals(stores: readonly AuditedStore[], district: string, check: boolean): Promise<CheckedSeal[]> {
  const listed: CheckedSeal[] = [];
  for (const { service, raw } of stores) {
    const seals = new DistrictSeals(raw);
    for (const seal of await seals.list(district)) {
      if (!check) listed.push({ service, ...seal });
      else {
        const result = await seals.check(seal);
        listed.push({ service, ...seal, matches: result.matches, ...(result.matches ? {} : { rootNow: result.rootNow }) });
      }
    }
  }
  return listed;
}

export interface InclusionProofDocument {
  readonly district: string;
  readonly service: string;
  readonly eventId: string;
  readonly leaf: string;
  readonly index: number;
  readonly size: number;
  readonly root: string;
  readonly sealedAt: string;
  readonly proof: readonly string[];
}

/** Proves that one event is covered by its store's latest seal of the district; the document verifies offline. */
export async function proveEventInclusion(stores: readonly AuditedStore[], district: string, eventId: string): Promise<InclusionProofDocument> {
  for (const { service, raw } of stores) {
    const seal = (await new DistrictSeals(raw).list(district)).at(-1);
    if (!seal) continue;
    const leaves: Buffer[] = [];
    let index = -1;
    let after = START;
    while (leaves.length < seal.eventCount) {
      const page = await raw.readAll({ after, maxCount: 2000, filter: { districts: [district] } });
      for (const event of page.events) {
        if (streamCategory(event.streamName) === SEAL_CATEGORY || leaves.length >= seal.eventCount) continue;
        if (event.id === eventId) index = leaves.length;
        leaves.push(leafHash(Buffer.from(event.hash, 'hex')));
      }
      after = page.checkpoint;
      if (page.isEnd || page.events.length === 0) break;
    }
    if (index < 0) continue;
    return {
      district, service, eventId, index, size: seal.eventCount, root: seal.root, sealedAt: seal.sealedAt,
      leaf: (leaves[index] as Buffer).toString('hex'),
      proof: inclusionProof(leaves, index).map((h) => h.toString('hex')),
    };
  }
  throw new CliError(`event ${eventId} is not covered by a seal of district ${district}`, ExitCode.unknownEvent, 'UNKNOWN_EVENT');
}
