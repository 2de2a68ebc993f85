import { InvalidEvent } from '@lien/shared-event-store';
import { BACKWARDS, END, jsonEvent, KurrentDBClient, NO_STREAM, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { isAbsentStreamError } from './kurrentdb-revision-mapping';
import { eventIdClaimStreamName, ownerClaimStreamName } from './kurrentdb-stream-name';

/** Claim events are ours, not Lien events: their types cannot pass event validation, so no filter ever asks for them. */
const OWNER_CLAIMED = '_lien.StreamOwnerClaimed.v1';
const EVENT_ID_CLAIMED = '_lien.EventIdClaimed.v1';
/** Ownership never changes once claimed, so it may be remembered; bounded so a long-running service does not grow. */
const OWNER_CACHE_SIZE = 10_000;

/** Where an event id was (or is about to be) stored. */
export interface EventIdTarget {
  readonly streamName: string;
  readonly kurrentStreamName: string;
  readonly revision: bigint;
}

/**
 * The two facts KurrentDB cannot check for us, kept in small claim streams appended with `NO_STREAM`
 * (the server lets exactly one writer create a stream):
 * - which district owns a stream name (`_lien/stream-owner/<name>`), because `<district>/<name>` streams
 *   of different districts are different KurrentDB streams;
 * - which stream holds an event id (`_lien/event-id/<id>`), because KurrentDB only deduplicates ids of
 *   a retried write, not across streams.
 */
export class KurrentDbClaims {
  private readonly owners = new Map<string, string>();

  constructor(private readonly client: KurrentDBClient) {}

  /** The district that owns the stream name, or undefined while nobody has claimed it. */
  async ownerOf(streamName: string): Promise<string | undefined> {
    const cached = this.owners.get(streamName);
    if (cached !== undefined) return cached;
    const claim = await readLastEvent(this.client, ownerClaimStreamName(streamName));
    const district = (claim?.event?.data as { district?: unknown } | undefined)?.district;
    if (typeof district !== 'string') return undefined;
    this.remember(streamName, district);
    return district;
  }

  /** Claims the stream name for the district; true when it now belongs to it (this or an earlier claim). */
  async claimOwnership(streamName: string, district: string): Promise<boolean> {
    try {
      await this.client.appendToStream(ownerClaimStreamName(streamName), claimEvent(OWNER_CLAIMED, { district }), { streamState: NO_STREAM });
      this.remember(streamName, district);
      return true;
    } catch (error) {
      if (!isConflict(error)) throw error;
      return (await this.ownerOf(streamName)) === district;
    }
  }

  /**
   * Claims every id for its target, or throws `InvalidEvent` when one is already stored. A claim left by
   * an append that then failed points at a revision that holds another event: it is moved, not refused,
   * so a caller may retry with the same ids.
   */
  async claimEventIds(claims: ReadonlyArray<{ readonly id: string; readonly target: EventIdTarget }>): Promise<void> {
    await Promise.all(claims.map(({ id, target }) => this.claimEventId(id, target)));
  }

  private async claimEventId(id: string, target: EventIdTarget): Promise<void> {
    const claimStream = eventIdClaimStreamName(id);
    const data = { streamName: target.streamName, revision: target.revision.toString() };
    try {
      await this.client.appendToStream(claimStream, claimEvent(EVENT_ID_CLAIMED, data), { streamState: NO_STREAM });
      return;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const claim = await readLastEvent(this.client, claimStream);
    const claimed = claim?.event?.data as { streamName?: unknown; revision?: unknown } | undefined;
    const alreadyStored = new InvalidEvent('an event with the same id is already stored');
    if (!claim?.event || claimed?.streamName !== target.streamName || typeof claimed.revision !== 'string') throw alreadyStored;
    const atClaimedRevision = await readEventAt(this.client, target.kurrentStreamName, BigInt(claimed.revision));
    if (atClaimedRevision?.event?.id === id) throw alreadyStored;
    try {
      await this.client.appendToStream(claimStream, claimEvent(EVENT_ID_CLAIMED, data), { streamState: claim.event.revision });
    } catch (error) {
      // Someone moved the claim first: they are appending this id right now.
      if (isConflict(error)) throw alreadyStored;
      throw error;
    }
  }

  private remember(streamName: string, district: string): void {
    const oldest = this.owners.keys().next().value;
    if (this.owners.size >= OWNER_CACHE_SIZE && oldest !== undefined) this.owners.delete(oldest);
    this.owners.set(streamName, district);
  }
}

/** The last event of a stream, or undefined when the stream is absent. */
export async function readLastEvent(client: KurrentDBClient, kurrentStreamName: string): Promise<ResolvedEvent | undefined> {
  return firstOf(() => client.readStream(kurrentStreamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }));
}

export async function readEventAt(client: KurrentDBClient, kurrentStreamName: string, revision: bigint): Promise<ResolvedEvent | undefined> {
  return firstOf(() => client.readStream(kurrentStreamName, { fromRevision: revision, maxCount: 1 }));
}

async function firstOf(read: () => AsyncIterableIterator<ResolvedEvent>): Promise<ResolvedEvent | undefined> {
  try {
    for await (const resolved of read()) return resolved;
    return undefined;
  } catch (error) {
    if (isAbsentStreamError(error)) return undefined;
    throw error;
  }
}

function claimEvent(type: string, data: Record<string, string>) {
  return jsonEvent({ type, data });
}

function isConflict(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === 'wrong-expected-version';
}
