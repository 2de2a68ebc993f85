import { Checkpoint, START } from '@lien/shared-event-store';
import { compareLogPositions, decodeCheckpoint, encodeCheckpoint, encodeReadFrom, isAfter, laterOf, LOG_START, MalformedCheckpoint } from './kurrentdb-checkpoint';

const at = (commit: bigint, prepare = commit) => ({ commit, prepare });

describe('KurrentDB checkpoints', () => {
  it('given a $all position, when encoded and decoded, then both halves come back', () => {
    const position = at(1_234_567n, 1_234_500n);
    expect(decodeCheckpoint(encodeCheckpoint(position))).toEqual(position);
  });

  it('given the largest unsigned 64-bit position, when encoded and decoded, then it survives', () => {
    const max = 2n ** 64n - 1n;
    expect(decodeCheckpoint(encodeCheckpoint(at(max)))).toEqual(at(max));
  });

  it('given START, when decoded, then it is the client start; and the start encodes back to START', () => {
    expect(decodeCheckpoint(START)).toBe(LOG_START);
    expect(LOG_START).toBe('start');
    expect(encodeReadFrom(LOG_START)).toBe(START);
  });

  it('given positions in log order, when their checkpoints are sorted as text, then the order is the same', () => {
    const positions = [at(9n), at(10n), at(10n, 11n), at(1_000_000_000_000n)];
    const texts = positions.map(encodeCheckpoint);
    expect([...texts].sort()).toEqual(texts);
  });

  it.each([
    ['a checkpoint of the in-memory store', '0000000000000042'],
    ['a commit position alone', 'kdb:00000000000000000042'],
    ['a negative half', 'kdb:-0000000000000000042.00000000000000000042'],
    ['a half beyond 64 bits', 'kdb:99999999999999999999.00000000000000000000'],
    ['trailing text', 'kdb:00000000000000000042.00000000000000000042 '],
  ])('given %s, when decoded, then MalformedCheckpoint instead of a guess', (_, text) => {
    expect(() => decodeCheckpoint(text as Checkpoint)).toThrow(MalformedCheckpoint);
  });

  it('given a negative position, when encoded, then it is refused', () => {
    expect(() => encodeCheckpoint(at(-1n))).toThrow(RangeError);
  });

  it('given two positions with the same commit, when compared, then prepare decides', () => {
    expect(compareLogPositions(at(5n, 1n), at(5n, 2n))).toBe(-1);
    expect(compareLogPositions(at(6n, 0n), at(5n, 9n))).toBe(1);
    expect(compareLogPositions(at(5n), at(5n))).toBe(0);
  });

  it('given a checkpoint, then only positions strictly after it count as after, and every position is after the start', () => {
    expect(isAfter(at(5n), at(5n))).toBe(false);
    expect(isAfter(at(6n), at(5n))).toBe(true);
    expect(isAfter(at(0n), LOG_START)).toBe(true);
  });

  it('given two read positions, when taking the later, then the start loses to any position', () => {
    expect(laterOf(LOG_START, at(3n))).toEqual(at(3n));
    expect(laterOf(at(4n), at(3n))).toEqual(at(4n));
    expect(laterOf(LOG_START, LOG_START)).toBe(LOG_START);
  });
});
