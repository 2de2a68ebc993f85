import { availableParallelism } from 'node:os';
import { Checkpoint, EventStore, GENESIS_HASH, HashedForm, ReadAllPage, RecordedEvent, START, streamCategory } from '@lien/shared-event-store';
import { leafHash, merkleRoot } from './merkle-tree';
import { HashJob, ParallelHashChecker } from './parallel-hashing';

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
  /**
   * Worker threads for the hashing; 0 hashes in this thread. Default: the cores beyond two (the reader
   * and PostgreSQL), so none on a 2-core machine, where workers measured slower (docs/benchmarks.md).
   */
  readonly workers?: number;
}

interface StreamHead {
  hash: string;
  revision: bigint;
}

interface Candidate extends StreamBreak {
  readonly index: number;
}

/**
 * One pass over the district's log. The log respects each stream's order, so each event is paired
 * with its predecessor's stored hash (one map entry per stream) and its recomputed hash can be checked
 * on its own, while the next page is being read (hashed here, or in worker threads where spare cores
 * exist). A stream's first break
 * is the earliest gap or mismatch in log order, as a sequential check would find it.
 */
export async function verifyDistrict(store: EventStore, district: string, options: VerifyOptions = {}): Promise<DistrictVerification> {
  const heads = new Map<string, StreamHead>();
  const candidates: Candidate[] = [];
  const leaves: Buffer[] = [];
  const checks: Promise<void>[] = [];
  const workers = options.workers ?? Math.max(0, availableParallelism() - 2);
  const hashing = new ParallelHashChecker(workers);
  let upTo = START;
  const limit = options.eventCount ?? Number.POSITIVE_INFINITY;
  const read = (after: Checkpoint) => store.readAll({ after, maxCount: options.pageSize ?? 5000, filter: { districts: [district] } });
  const prefetch = (after: Checkpoint) => {
    const page = read(after);
    page.catch(() => undefined); // awaited below; this only keeps an early exit from leaving it unhandled
    return page;
  };
  let next: Promise<ReadAllPage> | undefined = prefetch(START);
  try {
    while (next && leaves.length < limit) {
      const page: ReadAllPage = await next;
      const last = page.isEnd || page.events.length === 0;
      // The next page is read by PostgreSQL while this one is hashed here: the two cores work at once.
      next = last ? undefined : prefetch(page.checkpoint);
      const jobs: HashJob[] = [];
      const jobIndex: { index: number; event: RecordedEvent }[] = [];
      for (const event of page.events) {
        if (streamCategory(event.streamName) === SEAL_CATEGORY) continue;
        if (leaves.length >= limit) break;
        const head = heads.get(event.streamName) ?? { hash: GENESIS_HASH, revision: -1n };
        heads.set(event.streamName, head);
        if (event.revision !== head.revision + 1n) candidates.push({ index: leaves.length, streamName: event.streamName, revision: event.revision, reason: 'revision-gap' });
        else {
          jobs.push({ previousHash: head.hash, form: hashedForm(event), storedHash: event.hash });
          jobIndex.push({ index: leaves.length, event });
        }
        head.hash = event.hash;
        head.revision = event.revision;
        leaves.push(leafHash(Buffer.from(event.hash, 'hex')));
        upTo = event.position;
      }
      // At most two pages in flight per worker: the reader never runs far ahead of the hashing.
      while (checks.length >= 2 * Math.max(1, workers)) await checks.shift();
      checks.push(
        hashing.check(jobs).then((mismatches) => {
          for (const i of mismatches) {
            const { index, event } = jobIndex[i] as { index: number; event: RecordedEvent };
            candidates.push({ index, streamName: event.streamName, revision: event.revision, reason: 'hash-mismatch' });
          }
        }),
      );
      options.onProgress?.(leaves.length);
    }
    await Promise.all(checks);
  } finally {
    await hashing.close();
  }
  return { district, eventsChecked: leaves.length, streamsChecked: heads.size, breaks: firstBreakPerStream(candidates), root: merkleRoot(leaves).toString('hex'), upTo };
}

function hashedForm(event: RecordedEvent): HashedForm {
  return { id: event.id, type: event.type, streamName: event.streamName, revision: event.revision, data: event.data, metadata: event.metadata, recordedAt: event.recordedAt };
}

function firstBreakPerStream(candidates: readonly Candidate[]): StreamBreak[] {
  const first = new Map<string, Candidate>();
  for (const c of candidates) {
    const known = first.get(c.streamName);
    if (!known || c.index < known.index) first.set(c.streamName, c);
  }
  return [...first.values()].sort((a, b) => a.index - b.index).map(({ streamName, revision, reason }) => ({ streamName, revision, reason }));
}
