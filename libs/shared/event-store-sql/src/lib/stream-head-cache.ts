/** The last revision of a stream (-1 for none) and its last hash: what the next event's hash chains to. */
export interface StreamHead {
  readonly revision: bigint;
  readonly hash: string;
}

export const NEW_STREAM_HEAD: StreamHead = { revision: -1n, hash: '' };

/**
 * Remembers stream heads this process saw, so an append can hash its events before the round trip.
 * Only a guess: the database checks it under the stream lock and answers `stale-basis` when another
 * writer moved the head, and the append retries with the head it returned.
 */
export class StreamHeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamName: string): StreamHead {
    const head = this.heads.get(streamName);
    if (!head) return NEW_STREAM_HEAD;
    // Re-inserted so the Map's insertion order is least-recently-used first.
    this.heads.delete(streamName);
    this.heads.set(streamName, head);
    return head;
  }

  remember(streamName: string, head: StreamHead): void {
    this.heads.delete(streamName);
    this.heads.set(streamName, head);
    const leastRecent = this.heads.keys().next().value;
    if (this.heads.size > this.capacity && leastRecent !== undefined) this.heads.delete(leastRecent);
  }
}
