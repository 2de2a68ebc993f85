import { ExpectedRevision, StreamRevisionConflict } from '@lien/shared-event-store';
import { AccessDeniedError, StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { expectedRevisionHolds, isAbsentStreamError, retriesOnConflict, StreamHead, streamStateForAppend, toStreamRevisionConflict } from './kurrentdb-revision-mapping';

/** A conflict exactly as the client builds it from the server's answer. */
function clientConflict(current: 'no_stream' | bigint): WrongExpectedVersionError {
  return new WrongExpectedVersionError(undefined, { streamName: 'luxembourg/referral-1', expected: 0n, current });
}

describe('expected revision → client stream state', () => {
  it.each<[ExpectedRevision, StreamHead, bigint | 'no_stream']>([
    ['no-stream', 'none', 'no_stream'],
    [4n, 4n, 4n],
    // any and stream-exists are sent as the head just read, so the hash chain cannot fork
    ['any', 'none', 'no_stream'],
    ['any', 7n, 7n],
    ['stream-exists', 7n, 7n],
  ])('given expected %p and a head at %p, when appending, then the client gets %p', (expected, head, state) => {
    expect(streamStateForAppend(expected, head)).toBe(state);
  });

  it('given the expected revisions, then only any and stream-exists are retried after a conflict', () => {
    expect((['any', 'stream-exists', 'no-stream', 0n] as ExpectedRevision[]).map(retriesOnConflict)).toEqual([true, true, false, false]);
  });

  it.each<[ExpectedRevision, StreamHead, boolean]>([
    ['any', 'none', true],
    ['no-stream', 'none', true],
    ['no-stream', 0n, false],
    ['stream-exists', 'none', false],
    ['stream-exists', 2n, true],
    [2n, 2n, true],
    [2n, 3n, false],
    [0n, 'none', false],
  ])('given expected %p and a head at %p, then the expectation holds: %p', (expected, head, holds) => {
    expect(expectedRevisionHolds(expected, head)).toBe(holds);
  });
});

describe('client errors → port errors', () => {
  it('given the client says the stream is at revision 3, when mapped, then StreamRevisionConflict names the caller\'s expectation and 3', () => {
    const conflict = toStreamRevisionConflict(clientConflict(3n), 'referral-1', 'no-stream');
    expect(conflict).toBeInstanceOf(StreamRevisionConflict);
    expect(conflict).toMatchObject({ streamName: 'referral-1', expected: 'no-stream', actual: 3n, details: { expectedRevision: 'no-stream', actualRevision: '3' } });
  });

  it('given the client says the stream does not exist, when mapped, then the actual revision is none', () => {
    expect(toStreamRevisionConflict(clientConflict('no_stream'), 'referral-1', 0n)).toMatchObject({ expected: 0n, actual: 'none' });
  });

  it('given the client reports a deleted stream as a negative revision, when mapped, then the actual revision is none', () => {
    expect(toStreamRevisionConflict(clientConflict(-5n), 'referral-1', 0n)).toMatchObject({ actual: 'none' });
  });

  it('given any other client error, when mapped, then it is not a conflict', () => {
    expect(toStreamRevisionConflict(new AccessDeniedError(), 'referral-1', 'any')).toBeUndefined();
    expect(toStreamRevisionConflict(new Error('wrong-expected-version'), 'referral-1', 'any')).toBeUndefined();
  });

  it('given a read of a missing or deleted stream, then it reads as empty; other errors do not', () => {
    expect(isAbsentStreamError(new StreamNotFoundError(undefined, 'luxembourg/referral-1'))).toBe(true);
    expect(isAbsentStreamError(StreamDeletedError.fromStreamName('luxembourg/referral-1'))).toBe(true);
    expect(isAbsentStreamError(new AccessDeniedError())).toBe(false);
    expect(isAbsentStreamError(undefined)).toBe(false);
  });
});
