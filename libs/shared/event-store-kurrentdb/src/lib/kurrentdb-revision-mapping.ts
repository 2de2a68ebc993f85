import { ExpectedRevision, StreamRevisionConflict } from '@lien/shared-event-store';

/** The revision of a stream's last event, or `none` when it has none. */
export type StreamHead = bigint | 'none';

/**
 * The client stream state actually sent (its `NO_STREAM` constant is `'no_stream'`). Each event's hash
 * chains to the stream's last hash, read just before the append, so the append must fail if anyone
 * appended in between: `any` and `stream-exists` are sent as the exact head that was read (and retried
 * on conflict), never as the client's `ANY`/`STREAM_EXISTS`.
 */
export function streamStateForAppend(expected: ExpectedRevision, head: StreamHead): bigint | 'no_stream' {
  if (expected === 'no-stream') return 'no_stream';
  if (typeof expected === 'bigint') return expected;
  return head === 'none' ? 'no_stream' : head;
}

/** Whether a conflict on the server only means "someone appended first", so reading again and retrying keeps the caller's promise. */
export function retriesOnConflict(expected: ExpectedRevision): boolean {
  return expected === 'any' || expected === 'stream-exists';
}

export function expectedRevisionHolds(expected: ExpectedRevision, head: StreamHead): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return head === 'none';
    case 'stream-exists':
      return head !== 'none';
    default:
      return head === expected;
  }
}

/** The parts of the client's `WrongExpectedVersionError` the mapping reads (its `type` is `'wrong-expected-version'`). */
interface WrongExpectedVersionLike {
  readonly type: 'wrong-expected-version';
  readonly actualState: 'no_stream' | bigint;
}

/**
 * The client's `WrongExpectedVersionError` as our `StreamRevisionConflict`, with the revision the caller
 * expected (not the exact one the adapter sent for `any`); undefined for every other error.
 */
export function toStreamRevisionConflict(error: unknown, streamName: string, expected: ExpectedRevision): StreamRevisionConflict | undefined {
  if (!isWrongExpectedVersion(error)) return undefined;
  const actual = typeof error.actualState === 'bigint' && error.actualState >= 0n ? error.actualState : 'none';
  return new StreamRevisionConflict(streamName, expected, actual);
}

/** A stream read that fails because the stream is absent or deleted: it reads as empty. */
export function isAbsentStreamError(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return type === 'stream-not-found' || type === 'stream-deleted' || type === 'stream-tombstoned';
}

function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionLike {
  return error instanceof Error && (error as { type?: unknown }).type === 'wrong-expected-version';
}
