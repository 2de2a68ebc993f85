import { IncomingMessage, OutgoingMessage } from './message';
import { deadLetterTopic } from './topic-name';

/** Headers added to a dead letter; every other header is the original record's, unchanged. */
export const DEAD_LETTER_HEADERS = {
  topic: 'dlq_original_topic',
  partition: 'dlq_original_partition',
  offset: 'dlq_original_offset',
  group: 'dlq_consumer_group',
  errorType: 'dlq_error_type',
  error: 'dlq_error',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
} as const;

export interface DeadLetterReason {
  readonly groupId: string;
  readonly error: unknown;
  readonly attempts: number;
  readonly failedAt: string;
}

export interface DeadLetter {
  readonly originalTopic: string;
  readonly originalPartition: number;
  readonly originalOffset: string;
  readonly groupId: string;
  readonly errorType: string;
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: string;
  /** The dead letter itself, where it sits in the dead-letter topic. */
  readonly message: IncomingMessage;
}

const MAX_ERROR_LENGTH = 300;

// Error messages in Lien carry no personal data by convention (see DomainError); the cut bounds what
// a third-party library's message could add, and control characters are dropped so headers stay one line.
function describe(error: unknown): { type: string; text: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { type: typeof code === 'string' ? `${error.name}:${code}` : error.name, text: error.message.replace(/\p{Cc}/gu, ' ').slice(0, MAX_ERROR_LENGTH) };
  }
  return { type: typeof error, text: 'non-Error value thrown' };
}

/** The dead letter of a record a consumer group gave up on: same key, value and headers, plus why. */
export function toDeadLetter(message: IncomingMessage, reason: DeadLetterReason): OutgoingMessage {
  const { type, text } = describe(reason.error);
  return {
    topic: deadLetterTopic(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.topic]: message.topic,
      [DEAD_LETTER_HEADERS.partition]: String(message.partition),
      [DEAD_LETTER_HEADERS.offset]: message.offset,
      [DEAD_LETTER_HEADERS.group]: reason.groupId,
      [DEAD_LETTER_HEADERS.errorType]: type,
      [DEAD_LETTER_HEADERS.error]: text,
      [DEAD_LETTER_HEADERS.attempts]: String(reason.attempts),
      [DEAD_LETTER_HEADERS.failedAt]: reason.failedAt,
    },
  };
}

export function readDeadLetter(message: IncomingMessage): DeadLetter {
  const h = message.headers;
  const topic = h[DEAD_LETTER_HEADERS.topic];
  if (topic === undefined) throw new Error(`record ${message.topic}/${message.partition}@${message.offset} is not a dead letter`);
  return {
    originalTopic: topic,
    originalPartition: Number(h[DEAD_LETTER_HEADERS.partition]),
    originalOffset: h[DEAD_LETTER_HEADERS.offset] ?? '',
    groupId: h[DEAD_LETTER_HEADERS.group] ?? '',
    errorType: h[DEAD_LETTER_HEADERS.errorType] ?? '',
    error: h[DEAD_LETTER_HEADERS.error] ?? '',
    attempts: Number(h[DEAD_LETTER_HEADERS.attempts] ?? 0),
    failedAt: h[DEAD_LETTER_HEADERS.failedAt] ?? '',
    message,
  };
}

/** The record to re-drive: back to its original topic, as it was, without the dead-letter headers. */
export function toRedrive(letter: DeadLetter): OutgoingMessage {
  const dlq = new Set<string>(Object.values(DEAD_LETTER_HEADERS));
  const headers = Object.fromEntries(Object.entries(letter.message.headers).filter(([name]) => !dlq.has(name)));
  return { topic: letter.originalTopic, key: letter.message.key, value: letter.message.value, headers };
}
