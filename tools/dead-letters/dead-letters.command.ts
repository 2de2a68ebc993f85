import { DeadLetter, deadLetterTopic, MessageTransport } from '@lien/shared-messaging';
import { listDeadLetters, redriveDeadLetters } from '@lien/shared-messaging-consumer';

export const USAGE = `usage: dead-letters list <topic>
       dead-letters redrive <topic> [--id <ce_id>]... [--dry-run]
  <topic> is the original topic or its .dlq topic; KAFKA_BROKERS says where the cluster is.`;

/** One line per dead letter: where it is, what it was, why it failed. Never the payload (it may hold personal data). */
export function describeDeadLetter(letter: DeadLetter): string {
  const h = letter.message.headers;
  return [
    `${letter.message.partition}@${letter.message.offset}`,
    h['ce_id'] ?? '-',
    h['ce_type'] ?? '-',
    `from ${letter.originalTopic}/${letter.originalPartition}@${letter.originalOffset}`,
    `group ${letter.groupId}`,
    `after ${letter.attempts} attempt(s) at ${letter.failedAt}`,
    `${letter.errorType}: ${letter.error}`,
  ].join('  ');
}

function dlqOf(topic: string): string {
  return topic.endsWith('.dlq') ? topic : deadLetterTopic(topic);
}

/** Runs one command; returns the process exit code. */
export async function runDeadLettersCommand(args: readonly string[], transport: MessageTransport, print: (line: string) => void): Promise<number> {
  const [command, topic, ...rest] = args;
  if (!topic || (command !== 'list' && command !== 'redrive')) {
    print(USAGE);
    return 2;
  }
  const dlq = dlqOf(topic);
  if (command === 'list') {
    const letters = await listDeadLetters(transport, dlq);
    for (const letter of letters) print(describeDeadLetter(letter));
    print(`${letters.length} dead letter(s) in ${dlq}`);
    return 0;
  }
  const ids = new Set(rest.flatMap((arg, i) => (rest[i - 1] === '--id' ? [arg] : [])));
  const chosen = (letter: DeadLetter) => ids.size === 0 || ids.has(letter.message.headers['ce_id'] ?? '');
  if (rest.includes('--dry-run')) {
    const letters = (await listDeadLetters(transport, dlq)).filter(chosen);
    for (const letter of letters) print(`would re-drive ${describeDeadLetter(letter)}`);
    print(`${letters.length} dead letter(s) would be re-driven`);
    return 0;
  }
  const { redriven } = await redriveDeadLetters(transport, dlq, chosen);
  for (const letter of redriven) print(`re-driven ${describeDeadLetter(letter)}`);
  print(`${redriven.length} dead letter(s) re-driven to their original topics`);
  return 0;
}
