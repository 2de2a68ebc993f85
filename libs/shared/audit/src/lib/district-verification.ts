import { Checkpoint, computeEventHash, EventStore, GENESIS_HASH, RecordedEvent, START, streamCategory } from '@lien/shared-event-store';
import { leafHash, merkleRoot } from './merkle-tree';

export const SEAL_CATEGORY = 'seal';

export interface StreamBreak {
  readonly streamName: string;
  readonly revision: bigint;
  readonly reason: 'hash-mismatch' | 'revision-gap';
}

export interface DistrictVerification {
  readonly district: string;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  /** The first break of each broken stream, in log order. */
  readonly breaks: readonly StreamBreak[];
  /** Merkle root over the stored hashes of the district's events, in log order. */
  readonly root: string;
  /** Where the verification stopped: the seal's upper bound. */
  readonly upTo: Checkpoint;
}

export interface VerifyOptions {
  /** Verify only the first `eventCount` events (to compare with an earlier seal). */
  readonly eventCount?: number;
  readonly pageSize?: number;
  readonly onProgress?: (eventsChecked: number) => void;
}

interface StreamHead {
  hash: string;
  revision: bigint;
  broken: boolean;
}

/**
 * One pass over the district's log: the log respects each stream's order, so every stream's hash chain
 * is recomputed on the fly (one map entry per stream), and the stored hashes feed the Merkle root.
 */
export async function verifyDistrict(store: EventStore, district: string, options: VerifyOptions = {}): Promise<DistrictVerification> {
  const heads = new Map<string, StreamHead>();
  const breaks: StreamBreak[] = [];
  const leaves: Buffer[] = [];
  let after = START;
  let upTo = START;
  const limit = options.eventCount ?? Number.POSITIVE_INFINITY;
  while (leaves.length < limit) {
    const page = await store.readAll({ after, maxCount: options.pageSize ?? 2000, filter: { districts: [district] } });
    for (const event of page.events) {
      if (streamCategory(event.streamName) === SEAL_CATEGORY) continue;
      if (leaves.length >= limit) break;
      checkChain(heads, breaks, event);
      leaves.push(leafHash(Buffer.from(event.hash, 'hex')));
      upTo = event.position;
    }
    options.onProgress?.(leaves.length);
    after = page.checkpoint;
    if (page.isEnd || page.events.length === 0) break;
  }
  return { district, eventsChecked: leaves.length, streamsChecked: heads.size, breaks, root: merkleRoot(leaves).toString('hex'), upTo };
}

function checkChain(heads: Map<string, StreamHead>, breaks: StreamBreak[], event: RecordedEvent): void {
  const head = heads.get(event.streamName) ?? { hash: GENESIS_HASH, revision: -1n, broken: false };
  heads.set(event.streamName, head);
  if (head.broken) return;
  const reason = event.revision !== head.revision + 1n ? 'revision-gap' : computeEventHash(head.hash, event) !== event.hash ? 'hash-mismatch' : undefined;
  if (reason) {
    head.broken = true;
    breaks.push({ streamName: event.streamName, revision: event.revision, reason });
    return;
  }
  head.hash = event.hash;
  head.revision = event.revision;
}
