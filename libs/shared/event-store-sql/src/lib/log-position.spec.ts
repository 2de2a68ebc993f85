import { Checkpoint, START } from '@lien/shared-event-store';
import { checkpointOf, LOG_START, positionOfCheckpoint } from './log-position';

describe('checkpoints of the SQL event store', () => {
  it('given a position, when turned into a checkpoint and back, then it is the same position', () => {
    const position = { transactionId: '18446744073709551615', globalPosition: '42' };
    expect(positionOfCheckpoint(checkpointOf(position))).toEqual(position);
  });

  it('given START, then it is the position before every transaction', () => {
    expect(positionOfCheckpoint(START)).toEqual(LOG_START);
  });

  it('given positions in log order, then their checkpoints sort the same way as text', () => {
    const inOrder = [
      { transactionId: '9', globalPosition: '700' },
      { transactionId: '10', globalPosition: '3' },
      { transactionId: '10', globalPosition: '12' },
    ].map(checkpointOf);
    expect([...inOrder].sort()).toEqual(inOrder);
  });

  it('given a checkpoint of another store, then RangeError', () => {
    expect(() => positionOfCheckpoint('0000000000000017' as Checkpoint)).toThrow(RangeError);
  });
});
