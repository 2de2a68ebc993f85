import { randomUUID } from 'node:crypto';
import { DeadLetter, IncomingMessage, MessageTransport, readDeadLetter, toRedrive } from '@lien/shared-messaging';

/**
 * Every dead letter in `dlqTopic` up to now, oldest first per partition. Read by a throwaway group,
 * so listing never moves anybody's offsets.
 */
export async function listDeadLetters(transport: MessageTransport, dlqTopic: string, timeoutMs = 30_000): Promise<DeadLetter[]> {
  const ends = await transport.admin.endOffsets(dlqTopic);
  const remaining = new Map([...ends].filter(([, end]) => end !== '0').map(([partition, end]) => [partition, BigInt(end)]));
  if (remaining.size === 0) return [];
  const received: IncomingMessage[] = [];
  let finished!: () => void;
  const allRead = new Promise<void>((resolve) => (finished = resolve));
  const subscription = await transport.consumer.subscribe({
    groupId: `lien.dead-letters.list.${randomUUID()}`,
    topics: [dlqTopic],
    handler: async (message) => {
      const end = remaining.get(message.partition);
      if (end === undefined || BigInt(message.offset) >= end) return;
      received.push(message);
      if (BigInt(message.offset) + 1n >= end) remaining.delete(message.partition);
      if (remaining.size === 0) finished();
    },
  });
  const timer = setTimeout(finished, timeoutMs);
  try {
    await allRead;
  } finally {
    clearTimeout(timer);
    await subscription.stop();
  }
  if (remaining.size > 0) throw new Error(`could not read ${dlqTopic} to its end within ${timeoutMs} ms`);
  return received.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset))).map(readDeadLetter);
}

export interface RedriveResult {
  readonly redriven: DeadLetter[];
}

/**
 * Sends dead letters back to their original topics, unchanged but for the dead-letter headers.
 * Safe to repeat: the record keeps its `ce_id`, so a group that already handled it skips it, and the
 * group that failed on it (whose inbox never recorded it) handles it again.
 */
export async function redriveDeadLetters(transport: MessageTransport, dlqTopic: string, select: (letter: DeadLetter) => boolean = () => true): Promise<RedriveResult> {
  const selected = (await listDeadLetters(transport, dlqTopic)).filter(select);
  if (selected.length > 0) await transport.producer.send(selected.map(toRedrive));
  return { redriven: selected };
}
