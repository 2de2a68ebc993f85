import { IncomingMessage, MessageTransport, TopicSubscription } from '@lien/shared-messaging';

/** Unique per call, so suites running side by side on one broker never share a topic or a group. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Resolves once `predicate` holds, polling; fails the test with `what` after `timeoutMs`. */
export async function eventually(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Subscribes a group and gathers what it receives, until `count` records arrived. */
export async function collect(
  transport: MessageTransport,
  groupId: string,
  topics: readonly string[],
  count: number,
  timeoutMs = 20_000,
): Promise<IncomingMessage[]> {
  const received: IncomingMessage[] = [];
  const subscription: TopicSubscription = await transport.consumer.subscribe({
    groupId,
    topics,
    handler: async (message) => {
      received.push(message);
    },
  });
  try {
    await eventually(`${count} records for group ${groupId} (got ${received.length})`, () => received.length >= count, timeoutMs);
  } finally {
    await subscription.stop();
  }
  return received;
}
