import { IncomingMessage, OutgoingMessage, TopicSpec } from '@lien/shared-messaging';

export class UnknownTopic extends Error {
  constructor(topic: string) {
    super(`Topic ${topic} does not exist`);
    this.name = 'UnknownTopic';
  }
}

/** FNV-1a: a stable hash, so one key always lands in one partition and keeps its order. */
function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

/**
 * The in-process stand-in for a cluster: partitioned, append-only topics and the committed offsets of
 * each consumer group. Same semantics as Kafka where Lien relies on them (order per key, at-least-once
 * delivery from the committed offset), nothing durable: it lives as long as the process.
 */
export class EmbeddedLog {
  private readonly topics = new Map<string, IncomingMessage[][]>();
  private readonly committed = new Map<string, Map<string, number>>();
  private readonly waiters = new Set<() => void>();

  createTopic(spec: TopicSpec): void {
    if (this.topics.has(spec.name)) return;
    this.topics.set(spec.name, Array.from({ length: Math.max(1, spec.partitions) }, () => []));
  }

  partitions(topic: string): readonly IncomingMessage[][] {
    const partitions = this.topics.get(topic);
    if (!partitions) throw new UnknownTopic(topic);
    return partitions;
  }

  append(messages: readonly OutgoingMessage[]): void {
    // Checked before any append, so a batch with one bad topic stores nothing.
    for (const m of messages) this.partitions(m.topic);
    for (const m of messages) {
      const partitions = this.partitions(m.topic);
      const partition = partitionOf(m.key, partitions.length);
      const records = partitions[partition];
      records.push({
        topic: m.topic,
        partition,
        offset: String(records.length),
        key: m.key,
        value: m.value === null ? null : Buffer.from(m.value),
        headers: { ...m.headers },
      });
    }
    for (const wake of [...this.waiters]) wake();
  }

  /** The next offset the group reads in that partition (0 for a new group). */
  committedOffset(groupId: string, topic: string, partition: number): number {
    return this.committed.get(groupId)?.get(`${topic}:${partition}`) ?? 0;
  }

  commit(groupId: string, topic: string, partition: number, nextOffset: number): void {
    let offsets = this.committed.get(groupId);
    if (!offsets) this.committed.set(groupId, (offsets = new Map()));
    offsets.set(`${topic}:${partition}`, nextOffset);
  }

  /** Resolves at the next append (or when `cancel` is called). */
  nextAppend(): { promise: Promise<void>; cancel: () => void } {
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => {
      wake = () => {
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
    });
    return { promise, cancel: wake };
  }
}
